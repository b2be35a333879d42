"""The question import file: its template, and reading and checking every row of an upload.

A file is imported whole or not at all: ``read_question_rows`` checks every row and names each
problem with its Excel row number ("第5行：…"), including duplicates within the file and of the bank.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError

from ideowork.core.imports.sheets import ImportResult as QuestionImport
from ideowork.core.imports.sheets import add_notes_sheet, read_sheet_rows, template_workbook

from ..actions.questions import OPTION_KEYS, check_question
from ..choices import Difficulty, QuestionKind
from ..models import Question

__all__ = ["COLUMNS", "MAX_ROWS", "QuestionImport", "build_template", "read_question_rows"]

SHEET = "试题"
# (row key, column header, value required)
COLUMNS = [("kind", "题型", True), ("stem", "题干", True),
           *[(f"option_{k}", f"选项{k}", False) for k in OPTION_KEYS],
           ("answer", "答案", True), ("category", "分类", False), ("tags", "标签", False),
           ("difficulty", "难度", False), ("explanation", "解析", False), ("source", "出处", False)]
MAX_ROWS = 2000
EXAMPLES = [
    ["单选题", "党的二十大报告指出，从现在起，中国共产党的中心任务就是团结带领全国各族人民全面建成（  ）。",
     "社会主义现代化强国", "小康社会", "创新型国家", "制造强国", "", "", "A", "党的二十大精神", "二十大;中心任务",
     "容易", "见党的二十大报告第三部分。", "党的二十大报告"],
    ["多选题", "意识形态工作责任制要求党委（党组）书记履行的职责有（  ）。", "第一责任人职责", "带头抓意识形态工作",
     "带头管阵地把导向强队伍", "只抓业务工作", "", "", "ABC", "意识形态工作责任制", "责任制", "中等",
     "D项与责任制要求相悖。", "《党委（党组）意识形态工作责任制实施办法》"],
    ["判断题", "网络意识形态工作是意识形态工作的重中之重。", "", "", "", "", "", "", "对", "网络意识形态", "",
     "容易", "", ""],
    ["填空题", "“两个确立”是指确立习近平同志党中央的核心、全党的核心地位，确立（  ）的指导地位。", "", "", "", "",
     "", "", "习近平新时代中国特色社会主义思想/新时代中国特色社会主义思想", "党的创新理论", "两个确立", "中等",
     "多个空用“|”分隔；同一空的多个可接受答案用“/”分隔。", ""],
    ["简答题", "简述意识形态工作责任制的主要内容。", "", "", "", "", "", "", "明确责任主体、责任内容、考核监督和责任追究。",
     "意识形态工作责任制", "责任制", "较难", "由阅卷人评分。", ""],
]


def build_template() -> bytes:
    """The import template: a sheet with one example row per question kind, and instructions."""
    buffer, book, head = template_workbook()
    text = book.add_format({"num_format": "@", "font_name": "宋体", "text_wrap": True, "valign": "top"})
    sheet = book.add_worksheet(SHEET)
    for col, (key, header, _) in enumerate(COLUMNS):
        sheet.write_string(0, col, header, head)
        sheet.set_column(col, col, {"stem": 48, "explanation": 30, "source": 24}.get(key, 14), text)
    for row, values in enumerate(EXAMPLES, start=1):
        for col, value in enumerate(values):
            sheet.write_string(row, col, value, text)
    sheet.freeze_panes(1, 0)
    keys = [key for key, _, _ in COLUMNS]
    sheet.data_validation(1, keys.index("kind"), MAX_ROWS, keys.index("kind"),
                          {"validate": "list", "source": list(QuestionKind.labels)})
    sheet.data_validation(1, keys.index("difficulty"), MAX_ROWS, keys.index("difficulty"),
                          {"validate": "list", "source": list(Difficulty.labels)})
    add_notes_sheet(book, "说明", 110, [
        "试题导入填写说明",
        "1. 在“试题”工作表中每行填写一道题，不要修改第一行的列名；示例行可直接删除或改写。",
        "2. 题型填写：" + "、".join(QuestionKind.labels) + "。题型、题干、答案为必填项。",
        "3. 单选题、多选题从选项A开始连续填写选项（至少两个，最多六个）；判断题、填空题、简答题不填选项。",
        "4. 答案：单选题填一个字母，如 B；多选题填多个字母，如 ACD；判断题填“对”或“错”；"
        "填空题多个空用“|”分隔，同一空的多个可接受答案用“/”分隔；简答题填参考答案（由阅卷人评分）。",
        "5. 难度填写：" + "、".join(Difficulty.labels) + "，不填为“中等”。多个标签用分号“;”分隔。",
        "6. 题干和选项与题库中已有题目或本文件中其他行相同的，视为重复题目，不能导入。",
        f"7. 每次最多导入{MAX_ROWS}道题。任何一行有误时整份文件都不会导入，请按提示修改后重新上传。",
    ], head)
    book.close()
    return buffer.getvalue()


def read_question_rows(uploaded, org_unit) -> QuestionImport:
    """Read and check every row of an upload already accepted by ``check_upload``.

    Raises ``ValidationError`` when the file as a whole is unusable; row problems are collected in
    ``QuestionImport.errors``.
    """
    required = {title for _, title, needed in COLUMNS if needed} | {"选项A", "选项B"}
    raw_rows = read_sheet_rows(uploaded, SHEET, COLUMNS, required=required, what="试题", max_rows=MAX_ROWS,
                               measure="道")
    return _check_rows(raw_rows, org_unit)


def _check_rows(raw_rows: list[tuple[int, dict]], org_unit) -> QuestionImport:
    result = QuestionImport()
    kinds = {label: value for value, label in QuestionKind.choices}
    difficulties = {label: value for value, label in Difficulty.choices}
    checked = []
    for excel_row, row in raw_rows:
        kind = kinds.get(row["kind"], row["kind"] or "")
        difficulty = difficulties.get(row["difficulty"] or "中等", row["difficulty"])
        problems = []
        try:
            data = check_question(kind, row["stem"], [row[f"option_{k}"] for k in OPTION_KEYS], row["answer"],
                                  difficulty)
        except ValidationError as exc:
            data = None
            for field, messages in exc.message_dict.items():
                problems.extend("题型为空" if field == "kind" and not row["kind"] else m for m in messages)
        for key, limit in (("category", 60), ("source", 200), ("explanation", 5000)):
            if len(row[key]) > limit:
                problems.append(f"{dict((k, t) for k, t, _ in COLUMNS)[key]}超过{limit}个字符")
        tags = [t.strip() for t in row["tags"].replace("；", ";").replace("，", ";").replace(",", ";").split(";")]
        if any(len(t) > 40 for t in tags):
            problems.append("单个标签超过40个字符")
        checked.append((excel_row, row, data, problems, kind, difficulty, [t for t in tags if t]))
    prints = [data["fingerprint"] for _, _, data, _, _, _, _ in checked if data]
    existing = dict(Question.objects.filter(org_unit=org_unit, is_active=True, fingerprint__in=prints)
                    .values_list("fingerprint", "pk"))
    first_seen: dict[str, int] = {}
    for excel_row, row, data, problems, kind, difficulty, tags in checked:
        if data:
            print_ = data["fingerprint"]
            if print_ in first_seen:
                problems.append(f"与第{first_seen[print_]}行题目重复")
            else:
                first_seen[print_] = excel_row
            if print_ in existing:
                problems.append(f"题库中已有相同的题目（编号{existing[print_]}）")
        if problems:
            result.errors.append(f"第{excel_row}行：{'；'.join(p.rstrip('。') for p in problems)}。")
        else:
            result.rows.append({**data, "row": excel_row, "kind": kind, "difficulty": difficulty,
                                "category": row["category"], "tags": tags, "explanation": row["explanation"],
                                "source": row["source"]})
    return result
