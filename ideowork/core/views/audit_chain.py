"""The audit chain's page for the 审计管理员: its state, verifying it now, archiving a date range."""

from datetime import date, timedelta

from django.conf import settings
from django.contrib import messages
from django.http import StreamingHttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from ..actions.audit import purge_cutoff
from ..audit import record_read
from ..audit_archive import archive_filename, archive_lines, archive_range
from ..audit_chain import audit_key_source, default_algorithm
from ..exports.excel import content_disposition
from ..models import AuditChainHead
from ..permissions import is_auditor
from ..tasks import verify_audit_chain_for

_KEY_SOURCES = {"env": "环境变量 IDEOWORK_AUDIT_KEY", "file": "密钥文件 IDEOWORK_AUDIT_KEY_FILE",
                "derived": "由系统密钥派生（仅供开发测试，生产环境须单独配置）"}


def _dates(request) -> tuple[date, date, str]:
    """The archive's range from the query (default: the last 30 days), and a Chinese error."""
    today = timezone.localdate()
    try:
        start = date.fromisoformat(request.GET.get("from") or (today - timedelta(days=30)).isoformat())
        end = date.fromisoformat(request.GET.get("to") or today.isoformat())
    except ValueError:
        return today - timedelta(days=30), today, "日期格式应为 年-月-日。"
    if start > end:
        return start, end, "开始日期不能晚于结束日期。"
    return start, end, ""


@is_auditor
def audit_integrity(request):
    head = AuditChainHead.objects.filter(pk=1).first() or AuditChainHead()
    start, end, error = _dates(request)
    record_read(request, "core.audit_chain.view", subject_repr="审计链")
    return render(request, "core/audit_integrity.html", {
        "head": head, "algorithm": default_algorithm(), "key_source": _KEY_SOURCES[audit_key_source()],
        "retention_days": settings.AUDIT_RETENTION_DAYS, "purge_cutoff": purge_cutoff(),
        "date_from": start, "date_to": end, "date_error": error,
    })


@is_auditor
@require_POST
def audit_verify(request):
    verify_audit_chain_for(request.user.pk)
    messages.info(request, "已提交校验任务：校验整条审计链需要一些时间，完成后结果显示在本页并发送到通知中心。")
    return redirect("core:audit_integrity")


@is_auditor
def audit_archive(request):
    start, end, error = _dates(request)
    if error:
        messages.error(request, error)
        return redirect("core:audit_integrity")
    first, last = archive_range(start, end)
    record_read(request, "core.audit.archive", subject_repr="审计归档", first_seq=first, last_seq=last)
    response = StreamingHttpResponse(archive_lines(start, end), content_type="application/x-ndjson; charset=utf-8")
    response["Content-Disposition"] = content_disposition(archive_filename(start, end))
    return response
