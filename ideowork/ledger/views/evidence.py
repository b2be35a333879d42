"""Evidence files: served only through a view that checks the reader may see the activity."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.views.decorators.http import require_POST

from ideowork.core.audit import record_read
from ideowork.core.idempotency import idempotent
from ideowork.core.permissions import capability_required, is_business
from ideowork.core.uploads import attachment_response

from ..access import access_activity, access_evidence
from ..actions import do_add_evidence, do_remove_evidence
from ..forms import EvidenceForm

@is_business
def evidence_download(request, pk):
    """The file itself; images may be shown inline (``?inline=1``), everything else is downloaded."""
    evidence = access_evidence(request.user, pk)
    attachment = evidence.attachment
    inline = request.GET.get("inline") == "1" and attachment.is_image
    record_read(request, "ledger.evidence.download", evidence, subject_repr=attachment.original_name, inline=inline)
    return attachment_response(attachment, inline=inline)


@idempotent
@capability_required("ledger.record")
@require_POST
def evidence_add(request, pk):
    activity = access_activity(request.user, pk, "change")
    form = EvidenceForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            added = do_add_evidence(request.user, activity, form.cleaned_data["files"],
                                    caption=form.cleaned_data["caption"])
        except ValidationError as exc:
            messages.error(request, "；".join(exc.messages))
        else:
            messages.success(request, f"已上传{len(added)}个佐证材料。")
    else:
        messages.error(request, "；".join(e for errors in form.errors.values() for e in errors))
    return redirect("ledger:detail", pk=activity.pk)


@capability_required("ledger.record")
@require_POST
def evidence_remove(request, pk):
    evidence = access_evidence(request.user, pk, "change")
    do_remove_evidence(request.user, evidence)
    messages.success(request, f"已删除佐证材料“{evidence.attachment.original_name}”。")
    return redirect("ledger:detail", pk=evidence.activity_id)
