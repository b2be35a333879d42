"""Working defaults for an organ: what each area sets up so that a new organ works on day one.

A new organ (or county bureau) has no question bank, no review flows and no points rules: its cadres
would meet "题库中暂无可用的客观题" on the daily quiz and empty pages everywhere. Each area registers
what it sets up, in its ``AppConfig.ready``::

    register_organ_default("learning.question_bank", "题库", setup_question_bank,
                           describe=describe_question_bank, order=20)

- ``setup(organ, actor)`` makes what is missing, through the area's own models and audit events, and
  returns a short Chinese sentence saying what it made, or "" when nothing was missing: running the
  setup again changes nothing, so it may run for an organ that already works.
- ``describe(organ)`` returns ``(text, url)``: the default's state now and the page where the organ's
  managers change it. Nothing is hidden: every default is an ordinary record they edit afterwards.

``do_setup_organ`` runs every registered setup in order. Core runs it when the 系统管理员 creates an
organ (or turns a section into one, ``core.actions.orgs``); ``ideowork setup_organ ID`` runs it for
an existing organ. The area records are written by the system actor; the one ``core.organ.setup``
event names who asked for the setup and what was made, the organ's managers are notified, and
their dashboard shows what was set up (``organ_setup_panel``) for ``NOTICE_DAYS`` days.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from .audit import record
from .choices import MANAGER_ROLES
from .models import AuditEvent, OrgUnit, User
from .notify import notify
from .panels import OFFICE_START, register_panel
from .permissions import require
from .system import is_system_actor, system_actor

__all__ = ["OrganDefault", "register_organ_default", "organ_defaults", "do_setup_organ", "describe_organ_defaults",
           "last_setup", "organ_setup_panel", "SETUP_EVENT", "NOTICE_DAYS"]

SETUP_EVENT = "core.organ.setup"  # recorded by do_setup_organ (spelled out there: the audit test reads literals)
NOTICE_DAYS = 30


@dataclass(frozen=True)
class OrganDefault:
    code: str
    label: str
    setup: Callable[[OrgUnit, User], str]
    describe: Callable[[OrgUnit], tuple[str, str]] | None
    order: int


_defaults: dict[str, OrganDefault] = {}


def register_organ_default(code: str, label: str, setup, *, describe=None, order: int = 50) -> None:
    """Register what an area sets up for every organ (see the module's docstring)."""
    _defaults[code] = OrganDefault(code, label, setup, describe, order)


def organ_defaults() -> list[OrganDefault]:
    return sorted(_defaults.values(), key=lambda d: (d.order, d.code))


def _check_organ(organ: OrgUnit) -> None:
    if not organ.is_organ:
        raise ValidationError(f"“{organ.name}”不是机关或县区单位，只有机关和县区单位需要初始配置。")
    if not organ.is_active:
        raise ValidationError(f"“{organ.name}”已停用，请先启用该单位。")


def do_setup_organ(actor: User, organ: OrgUnit) -> dict[str, str]:
    """Make every registered default the organ lacks; returns what was made, by default code.

    The 系统管理员 (creating an organ) or the system actor (the console command) may run it. An organ
    that already has everything gets nothing, no event and no notice.
    """
    require(is_system_actor(actor) or actor.is_sysadmin, "只有系统管理员可以为单位进行初始配置。")
    _check_organ(organ)
    writer = system_actor()
    made: dict[str, str] = {}
    with transaction.atomic():
        for default in organ_defaults():
            summary = default.setup(organ, writer)
            if summary:
                made[default.code] = summary
        if made:
            record("core.organ.setup", organ, actor=actor, unit=organ,
                   new={_label(code): summary for code, summary in made.items()})
            _notify_managers(organ, made)
    return made


def _label(code: str) -> str:
    return _defaults[code].label


def _managers(organ: OrgUnit):
    return User.objects.business().filter(role__in=MANAGER_ROLES, org_unit__organ=organ)


def _notify_managers(organ: OrgUnit, made: dict[str, str]) -> None:
    from .menu import home_url

    body = "；".join(f"{_label(code)}：{summary}" for code, summary in made.items())
    stamp = timezone.now().strftime("%Y%m%d%H%M%S")
    for manager in _managers(organ):
        notify(manager, f"{organ.display_name}已完成初始配置", body=body + "。以上均可按本单位实际修改。",
               url=home_url(), kind="info", dedup_key=f"organ-setup:{organ.pk}:{stamp}")


def describe_organ_defaults(organ: OrgUnit) -> list[dict]:
    """Each default's label, its state now and where it is changed."""
    rows = []
    for default in organ_defaults():
        if default.describe is None:
            continue
        text, url = default.describe(organ)
        rows.append({"label": default.label, "text": text, "url": url})
    return rows


def last_setup(organ: OrgUnit) -> AuditEvent | None:
    return (AuditEvent.objects.filter(event_type=SETUP_EVENT, subject_type=OrgUnit._meta.label_lower,
                                      subject_id=str(organ.pk)).order_by("-seq").first())


def organ_setup_panel(request, plan) -> str | None:
    """The office dashboard's notice to the organ's managers of what was set up for them, for a month."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or user.role not in MANAGER_ROLES or user.scope_root is None:
        return None
    organ = user.scope_root
    event = last_setup(organ)
    if event is None or event.created_at < timezone.now() - timedelta(days=NOTICE_DAYS):
        return None
    return render_to_string("core/organ_setup_panel.html", {
        "organ": organ, "event": event, "made": event.new or {}, "rows": describe_organ_defaults(organ),
    }, request=request)


register_panel(OFFICE_START, organ_setup_panel, order=10)
