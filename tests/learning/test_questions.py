"""The question bank: checking questions, duplicates, and the all-or-nothing Excel import."""

import io

import openpyxl
import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from ideowork.learning.actions.questions import do_create_question, do_set_question_active, parse_answer
from ideowork.learning.imports.questions import COLUMNS, build_template, read_question_rows
from ideowork.learning.models import Question
from tests.workbooks import workbook_bytes

from .access_exams import make_bank

pytestmark = pytest.mark.django_db
HEADERS = [title for _, title, _ in COLUMNS]


def workbook(rows, headers=HEADERS) -> SimpleUploadedFile:
    return SimpleUploadedFile("试题.xlsx", workbook_bytes(rows, sheet="试题", headers=headers),
                              content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")


def row(kind, stem, options=(), answer="", **extra):
    values = dict(zip(HEADERS, [""] * len(HEADERS)))
    values.update({"题型": kind, "题干": stem, "答案": answer, **extra})
    for key, text in zip("ABCDEF", options):
        values[f"选项{key}"] = text
    return [values[h] for h in HEADERS]


def test_answers_are_read_per_kind():
    assert parse_answer("single", "b", ["A", "B"]) == "B"
    assert parse_answer("multiple", "C,A", ["A", "B", "C"]) == ["A", "C"]
    assert parse_answer("judge", "错", []) is False
    assert parse_answer("blank", "人民/群众|两个确立", []) == [["人民", "群众"], ["两个确立"]]
    with pytest.raises(ValidationError, match="不是已填写的选项"):
        parse_answer("single", "E", ["A", "B"])


def test_a_duplicate_question_is_refused_whatever_the_spacing(org):
    make_bank(org.staff, org.city)
    with pytest.raises(ValidationError, match="题库中已有相同的题目"):
        do_create_question(org.staff, org_unit=org.city, kind="judge", stem=" 网络意识形态工作是意识形态工作的重中之重 。",
                           option_texts=[], answer="对")


def test_cadres_cannot_add_questions(org):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        do_create_question(org.cadre, org_unit=org.city, kind="judge", stem="题", option_texts=[], answer="对")


def test_disabled_questions_are_not_drawn_and_can_come_back(org):
    question = make_bank(org.staff, org.city)[0]
    do_set_question_active(org.staff, question, False)
    assert not Question.objects.active().filter(pk=question.pk).exists()
    do_set_question_active(org.staff, question, True)
    assert Question.objects.active().filter(pk=question.pk).exists()


def test_template_has_an_example_per_kind_and_instructions(org):
    book = openpyxl.load_workbook(io.BytesIO(build_template()))
    assert book.sheetnames == ["试题", "说明"]
    rows = list(book["试题"].iter_rows(values_only=True))
    assert list(rows[0]) == HEADERS
    assert {r[0] for r in rows[1:]} == {"单选题", "多选题", "判断题", "填空题", "简答题"}


def test_the_template_itself_imports(org):
    upload = SimpleUploadedFile("模板.xlsx", build_template())
    parsed = read_question_rows(upload, org.city)
    assert not parsed.errors and len(parsed.rows) == 5


def test_every_bad_row_is_named_and_nothing_is_imported(org, login):
    make_bank(org.staff, org.city)
    upload = workbook([
        row("单选题", "好的单选题？", ["甲", "乙"], "A"),
        row("单选题", "答案不在选项中？", ["甲", "乙"], "C"),
        row("问答题", "题型不对", [], "x"),
        row("多选题", "", ["甲", "乙", "丙"], "AB"),
        row("判断题", "网络意识形态工作是意识形态工作的重中之重。", [], "对"),  # already in the bank
        row("单选题", "好的单选题？", ["乙", "甲"], "B"),  # same as row 2
        row("单选题", "选项中间留空？", ["甲", "", "丙"], "A"),
        row("判断题", "难度不对", [], "对", 难度="很难"),
    ])
    before = Question.objects.count()
    response = login(org.staff).post(reverse("learning:question_import"), {"org_unit": org.city.pk, "file": upload})
    page = response.content.decode()
    assert "未导入" in page
    for expected in ["第3行：答案“C”不是已填写的选项", "第4行：题型“问答题”不存在", "第5行：题干为空",
                     "第6行：题库中已有相同的题目", "第7行：与第2行题目重复", "第8行：选项不能中间留空",
                     "第9行：难度应为"]:
        assert expected in page, expected
    assert "<li>第2行" not in page and "其中7行有问题" in page
    assert Question.objects.count() == before


def test_a_good_file_is_imported_with_categories_and_tags(org, login):
    upload = workbook([row("多选题", "意识形态工作的要求有（  ）。", ["守土有责", "守土负责", "守土尽责"], "ABC",
                           分类="责任制", 标签="责任制;阵地", 难度="较难", 解析="三个守土", 出处="实施办法"),
                       row("填空题", "意识形态工作是党的一项（  ）的工作。", [], "极端重要")])
    response = login(org.staff).post(reverse("learning:question_import"), {"org_unit": org.city.pk, "file": upload})
    assert "已向“市委机构编制委员会办公室”题库导入2道试题" in response.content.decode()
    q = Question.objects.get(kind="multiple")
    assert q.answer == ["A", "B", "C"] and q.category.name == "责任制" and q.difficulty == 4
    assert sorted(q.tags.values_list("name", flat=True)) == ["责任制", "阵地"]


def test_a_file_without_the_columns_is_refused(org, login):
    upload = workbook([["x", "y"]], headers=["甲", "乙"])
    response = login(org.staff).post(reverse("learning:question_import"), {"org_unit": org.city.pk, "file": upload})
    assert "文件缺少以下列：题型、题干" in response.content.decode()


def test_a_county_cannot_import_into_the_city_bank(org, login):
    upload = workbook([row("判断题", "县里的题", [], "对")])
    response = login(org.county_staff).post(reverse("learning:question_import"),
                                             {"org_unit": org.city.pk, "file": upload})
    assert response.status_code == 200 and not Question.objects.exists()


def test_question_form_creates_and_edits(org, login):
    client = login(org.staff)
    data = {"org_unit": org.city.pk, "kind": "single", "stem": "新增的单选题？", "option_A": "对的", "option_B": "错的",
            "answer": "A", "difficulty": 3, "category_name": "新分类", "tag_names": "甲;乙"}
    assert client.post(reverse("learning:question_create"), data).status_code == 302
    q = Question.objects.get()
    data.update(answer="B")
    client.post(reverse("learning:question_edit", args=[q.pk]), data)
    q.refresh_from_db()
    assert q.answer == "B"
    bad = client.post(reverse("learning:question_create"), {**data, "stem": "另一题", "answer": "F"})
    assert "不是已填写的选项" in bad.content.decode()
