"""How a view reports a one-click action: the service's refusal as an error message, else a success.

    report_outcome(request, lambda: do_publish_exam(request.user, exam), "考试已发布。")

A service refuses with ``ValidationError`` (Chinese messages, nothing changed); the page the view
redirects to shows either outcome.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError

__all__ = ["report_outcome"]


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
