"""The outlet register as an Excel workbook (宣传阵地管理台账)."""

from datetime import date

from ideowork.core.exports.excel import excel_response

from .models import Outlet, OutletInspection

__all__ = ["OUTLET_HEADERS", "outlet_register_rows", "outlet_register_response"]

OUTLET_HEADERS = ["序号", "阵地名称", "阵地类型", "主管单位", "账号/网址/位置", "责任人", "更新频次要求", "最近更新",
                  "下次应更新", "逾期天数", "运行状态", "整改原因", "最近检查", "检查结论", "未完成整改（项）"]
WIDTHS = [6, 24, 10, 18, 26, 10, 12, 12, 12, 9, 10, 30, 12, 10, 10]


def outlet_register_rows(outlets: list[Outlet], today: date):
    latest = {}
    open_counts: dict[int, int] = {}
    for inspection in OutletInspection.objects.filter(outlet__in=outlets).order_by("outlet_id", "-date", "-id"):
        latest.setdefault(inspection.outlet_id, inspection)
        if inspection.needs_rectification:
            open_counts[inspection.outlet_id] = open_counts.get(inspection.outlet_id, 0) + 1
    for number, outlet in enumerate(outlets, 1):
        due = outlet.next_due()
        last = latest.get(outlet.pk)
        late = (today - due).days if due and outlet.is_overdue(today) else ""
        yield [number, outlet.name, outlet.get_kind_display(), outlet.org_unit.name, outlet.account,
               outlet.responsible.name, outlet.get_frequency_days_display(),
               outlet.last_updated_on or "尚未更新", due or "", late, outlet.get_status_display(), outlet.flag_reason,
               last.date if last else "", last.get_result_display() if last else "",
               open_counts.get(outlet.pk, 0)]


def outlet_register_response(outlets: list[Outlet], today: date):
    return excel_response("宣传阵地管理台账", OUTLET_HEADERS, outlet_register_rows(outlets, today), widths=WIDTHS,
                          title=f"宣传阵地管理台账（{today:%Y年%m月%d日}）",
                          filename=f"宣传阵地管理台账-{today:%Y%m%d}.xlsx")
