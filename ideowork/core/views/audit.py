"""The audit trail, for the 审计管理员 only."""

from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import render

from ..audit import audit_event_groups, audit_event_label, is_registered_event, record_read
from ..exports.excel import excel_response
from ..models import AuditEvent
from ..permissions import is_auditor


@is_auditor
def audit_list(request):
    qs = AuditEvent.objects.visible_to(request.user).select_related("org_unit")
    q = request.GET.get("q", "").strip()
    event_type = request.GET.get("type", "").strip()
    if q:
        qs = qs.filter(Q(actor_name__icontains=q) | Q(subject_repr__icontains=q) | Q(ip__icontains=q))
    if is_registered_event(event_type):
        qs = qs.filter(event_type=event_type)
    elif event_type:  # an area ("learning.") or any other prefix
        qs = qs.filter(event_type__startswith=event_type)
    if request.GET.get("export") == "xlsx":
        record_read(request, "core.audit.export", subject_repr="审计日志")
        rows = ([e.created_at.astimezone().strftime("%Y-%m-%d %H:%M:%S"), e.actor_name,
                 audit_event_label(e.event_type), e.event_type, e.subject_repr, e.ip or "", str(e.old or ""),
                 str(e.new or ""), e.seq, e.mac] for e in qs.iterator())
        return excel_response("审计日志", ["时间", "操作人", "事件", "事件类型", "对象", "来源地址", "原值", "新值",
                                           "序号", "校验码"], rows)
    record_read(request, "core.audit.view", subject_repr="审计日志")  # before counting: the page shows it
    page = Paginator(qs, 50).get_page(request.GET.get("page"))
    return render(request, "core/audit_list.html", {"page": page, "q": q, "type": event_type,
                                                     "event_groups": _event_groups()})


def _event_groups():
    """The type filter's choices: per area, the whole area first, then each registered type."""
    return [(area, [(prefix, f"全部{area}事件"), *events])
            for area, events in audit_event_groups()
            for prefix in [events[0][0].split(".", 1)[0] + "."]]
