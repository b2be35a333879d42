"""How a view reports what a service did: the service's refusal as an error, else a success message.

    report_outcome(request, lambda: do_publish_exam(request.user, exam), "考试已发布。")

    saved = form_outcome(request, form, lambda: do_save_topic(request.user, topic, **form.cleaned_data),
                         lambda topic: f"已保存专题“{topic.title}”。")
    if saved:
        return redirect("learning:topic_detail", pk=saved.result.pk)

A service refuses with ``ValidationError`` (Chinese messages, nothing changed). A one-click action
shows the refusal as a message on the page it redirects to; a form page shows it on the form again.
"""

from dataclasses import dataclass

from django.contrib import messages
from django.core.exceptions import ValidationError

from ideowork.core.forms.errors import add_service_errors

__all__ = ["FormOutcome", "form_outcome", "report_outcome"]


def report_outcome(request, act, success) -> bool:
    """Run ``act()``; show ``success`` (a text, or a callable giving it once the act is done), or the
    refusal's messages. True when it went through."""
    try:
        act()
    except ValidationError as exc:
        messages.error(request, "；".join(exc.messages))
        return False
    messages.success(request, success() if callable(success) else success)
    return True


@dataclass(frozen=True)
class FormOutcome:
    """True when the service went through; ``result`` is what it returned."""

    done: bool
    result: object = None

    def __bool__(self) -> bool:
        return self.done


def form_outcome(request, form, act, success, *, aliases: dict | None = None) -> FormOutcome:
    """Run ``act()`` for a ``form`` the caller has validated; show ``success`` (a text, or a callable
    given what ``act`` returned) when it goes through, else put the refusal on the form's fields
    (``add_service_errors``, which takes the ``aliases``) for the page to show the form again."""
    try:
        result = act()
    except ValidationError as exc:
        add_service_errors(form, exc, aliases=aliases)
        return FormOutcome(False)
    messages.success(request, success(result) if callable(success) else success)
    return FormOutcome(True, result)
