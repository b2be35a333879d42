"""The registers as the Excel workbooks offices keep: the risk register (风险隐患排查整改台账), the
drills (应急演练台账) and the joint meetings (联席会议台账), each through core's one Excel export."""

from datetime import date

from ideowork.core.exports.excel import excel_response

from .choices import RiskStatus
from .models import Risk, RiskProgress

__all__ = ["REGISTER_HEADERS", "register_rows", "register_response", "drills_response", "meetings_response"]

REGISTER_HEADERS = ["序号", "风险点", "风险等级", "责任单位", "责任人", "防控措施", "整改时限", "整改情况", "销号情况"]
WIDTHS = [6, 36, 10, 18, 10, 40, 12, 40, 24]


def _closeout(risk: Risk) -> str:
    if risk.status == RiskStatus.CLOSED:
        return f"已销号（{risk.closed_on:%Y-%m-%d}）" if risk.closed_on else "已销号"
    if risk.status == RiskStatus.ACCEPTED:
        return f"已接受（{risk.accepted_by.name if risk.accepted_by_id else ''}批准，{risk.accept_review_on:%Y-%m-%d}复查）"
    return risk.get_status_display()


def register_rows(risks):
    """Rows of the workbook: the progress entries of the risks are read in one query, in batches."""
    risks = list(risks.select_related("accepted_by"))
    latest: dict[int, str] = {}
    ids = [r.pk for r in risks]
    for start in range(0, len(ids), 500):
        for risk_id, text in (RiskProgress.objects.filter(risk_id__in=ids[start:start + 500])
                              .order_by("risk_id", "date", "id").values_list("risk_id", "text")):
            latest[risk_id] = text
    for number, risk in enumerate(risks, 1):
        level = risk.level["name"]
        if risk.residual:
            level += f"（措施后：{risk.residual['name']}）"
        yield [number, risk.title, level, risk.org_unit.display_name, risk.owner.name if risk.owner_id else "",
               risk.measures, risk.deadline or "", latest.get(risk.pk, ""), _closeout(risk)]


def register_response(risks, today: date):
    return excel_response("风险隐患台账", REGISTER_HEADERS, register_rows(risks), widths=WIDTHS,
                          title=f"意识形态风险隐患排查整改台账（{today:%Y年%m月%d日}）",
                          filename=f"风险隐患台账-{today:%Y%m%d}.xlsx")


def _names(people) -> str:
    return "、".join(person.name for person in people)


def _tasks(tasks) -> str:
    """Follow-up tasks as the ledger cell offices write: one line each, with owner, deadline, state."""
    return "\n".join(f"{n}. {task.text}（{task.owner.name}，{task.deadline:%Y-%m-%d}前；"
                     f"{f'已完成：{task.result}' if task.done_on else '未完成'}）" for n, task in enumerate(tasks, 1))


def _tracked_response(records, sheet: str, headers: list[str], widths: list[int], row, today: date):
    """A drill's or a meeting's ledger: participants and tasks read in one query each, not per row."""
    records = records.prefetch_related("participants", "tasks__owner")
    return excel_response(sheet, headers, ([n, *row(record)] for n, record in enumerate(records, 1)),
                          widths=widths, title=f"意识形态工作{sheet}（{today:%Y年%m月%d日}）",
                          filename=f"{sheet}-{today:%Y%m%d}.xlsx")


def drills_response(drills, today: date):
    return _tracked_response(
        drills, "应急演练台账",
        ["序号", "演练名称", "演练日期", "组织单位", "检验预案", "演练场景", "参演人员", "演练评估", "整改事项"],
        [6, 30, 12, 18, 30, 40, 30, 40, 50],
        lambda d: [d.title, d.held_on, d.org_unit.display_name, str(d.plan_version) if d.plan_version_id else "",
                   d.scenario, "、".join(filter(None, [_names(d.participants.all()), d.other_participants])),
                   d.evaluation, _tasks(d.tasks.all())], today)


def meetings_response(meetings, today: date):
    return _tracked_response(
        meetings.prefetch_related("units"), "联席会议台账",
        ["序号", "会议名称", "会议类型", "召开日期", "召集单位", "主持人", "参会单位", "参会人员", "会议结论", "落实事项"],
        [6, 30, 12, 12, 18, 10, 30, 30, 50, 50],
        lambda m: [m.title, m.get_kind_display(), m.held_on, m.org_unit.display_name, m.chair.name if m.chair_id else "",
                   "、".join(filter(None, ["、".join(u.display_name for u in m.units.all()), m.other_units])),
                   _names(m.participants.all()), m.conclusions, _tasks(m.tasks.all())], today)
