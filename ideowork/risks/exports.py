"""The register as the Excel workbook offices keep (风险隐患排查整改台账)."""

from datetime import date

from ideowork.core.exports.excel import excel_response

from .choices import RiskStatus
from .models import Risk, RiskProgress

__all__ = ["REGISTER_HEADERS", "register_rows", "register_response"]

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
