"""The shapes the risks pages share: a paged list (``list_page``), and how they run a form: a small form posted from a record's page (progress, a timeline
entry, a task) reports the service's outcome, or the form's own errors, as a message on the page it
returns to; a form page (``record_form``) shows the form again with the refusal on its fields."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from ideowork.core.outcomes import form_outcome, report_outcome
from ideowork.core.permissions import capability_required

__all__ = ["list_page", "post_form", "post_to", "posted", "form_page", "record_form"]

MANAGE_REQUIRED = capability_required("risks.manage")

PAGE_SIZE = 30


def post_form(request, form, act, success) -> bool:
    """Run ``act(cleaned_data)`` when ``form`` is valid; True when the service went through."""
    if form.is_valid():
        return report_outcome(request, lambda: act(form.cleaned_data), success)
    messages.error(request, "；".join(f"{form.fields[name].label}：{'；'.join(errors)}" if name in form.fields
                                     else "；".join(errors) for name, errors in form.errors.items()))
    return False


def post_to(request, record, form, act, success):
    """``post_form``, then back to ``record``'s page."""
    post_form(request, form, act, success)
    return redirect(record.get_absolute_url())


def posted(access, act, success: str, *, form=None, action: str = "change", guard=MANAGE_REQUIRED):
    """The view of a button or a small form posted from a record's page: the record fetched authorised
    for ``action`` (``access(user, pk, action)``), then ``act(user, record, **form data)`` — no data for a
    bare button —, its outcome reported as a message on the record's page."""

    def view(request, pk):
        record = access(request.user, pk, action)
        if form is None:
            report_outcome(request, lambda: act(request.user, record), success)
            return redirect(record.get_absolute_url())
        return post_to(request, record, form(request.POST, request.FILES),
                       lambda data: act(request.user, record, **data), success)

    return guard(require_POST(view))


def form_page(request, form, *, title: str, crumbs: list[tuple[str, str]], cancel_url: str,
              idempotent: bool = False, submit: str = "保存", intro: str = ""):
    """The one layout of the response part's form pages (``risks/record_form.html``)."""
    return render(request, "risks/record_form.html", {
        "form": form, "title": title, "crumbs": crumbs, "cancel_url": cancel_url, "idempotent": idempotent,
        "submit": submit, "intro": intro})


def record_form(request, form, act, success, **page):
    """A page that records or edits a record (a drill, a meeting, a plan version …): the service on a
    valid POST, then the record's page; else the form (``page`` as ``form_page`` takes it)."""
    if request.method == "POST" and form.is_valid():
        outcome = form_outcome(request, form, lambda: act(form.cleaned_data), success)
        if outcome:
            return redirect(outcome.result.get_absolute_url())
    return form_page(request, form, **page)


def list_page(request, records, template: str, **context):
    """A page of ``records`` (already scoped to the user), with whether the user may record new ones."""
    page = Paginator(records, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, template, {"page": page, "can_create": request.user.has_capability("risks.manage"),
                                      **context})
