"""What may go through the review workflow: purposes, reviewable models and blockers, registered by areas.

An area registers, in its ``AppConfig.ready``:

- ``register_purpose(code, label, steps=…)`` for a kind of sign-off it needs that core does not
  offer (core offers one-step approval 审批, sign-off 签批 and close-out 销号; outlets adds content
  publishing 发布审核 with its 三审三校). ``steps`` only seed an organ's default flow for the
  purpose the first time it is needed; from then on that flow is data the organ edits.
- ``register_reviewable(Model, purpose=…, editors=<capability code>)``: records of ``Model`` are
  reviewed through flows of ``purpose``, and whoever holds ``editors`` edits those flows. The model
  must offer the ``Reviewable`` protocol below.
- ``register_blocker(Model, check)``: ``check(record, stage)`` returns the reasons approval of
  ``stage`` is refused now (the proofreader's open errors before the signing step).

Core never imports an area; it finds a record's registration through its model.
"""

from dataclasses import dataclass, field
from typing import Callable, Iterable, Protocol, runtime_checkable

from django.core.exceptions import ImproperlyConfigured

__all__ = ["Reviewable", "Purpose", "Registration", "register_purpose", "register_reviewable", "register_blocker",
           "purpose", "purposes", "registration_for", "blockers_for", "editor_capabilities", "holds_capability"]


@runtime_checkable
class Reviewable(Protocol):
    """What a record offers the workflow. Callbacks run inside the workflow's transaction."""

    org_unit: object  # core.OrgUnit: the unit the record belongs to (its organ chooses the flow)

    def get_absolute_url(self) -> str: ...

    def review_title(self) -> str: ...

    def review_author(self):  # the person the record is by (core.User); a submitter must be them
        ...

    def review_version(self) -> tuple[int, str]:  # (number, digest) of the version under review
        ...

    def review_owners(self) -> Iterable:  # who decides a step of role ``OWNER`` (may be empty)
        ...

    def on_review_approved(self, review, actor) -> None: ...

    def on_review_rejected(self, review, actor) -> None: ...

    # Optional: ``on_review_returned(review, actor, comment)`` when a decider returns the record to its
    # author, ``on_review_withdrawn(review, actor, comment)`` when the author takes it back.


@dataclass(frozen=True)
class Purpose:
    code: str
    label: str
    # The steps an organ's default flow starts with: dicts of name, kind, role, due_days, signs.
    steps: tuple = ()
    # May a decider refuse outright (不同意), ending the review? Publishing returns for changes instead.
    rejects: bool = False
    # How the author is told the outcome: 《title》已审核通过 / 未通过 (已批准 / 未批准 for approvals).
    approved: str = "已审核通过"
    rejected: str = "未通过审核"
    # The name an organ's default flow starts with (the purpose's label with 默认流程 when empty).
    flow_name: str = ""

    @property
    def default_flow_name(self) -> str:
        return self.flow_name or f"{self.label}（默认流程）"


@dataclass
class Registration:
    model: type
    purpose: str
    editors: str  # the capability code of the people who edit this purpose's flows
    blockers: list[Callable] = field(default_factory=list)


_PURPOSES: dict[str, Purpose] = {}
_MODELS: dict[type, Registration] = {}

_CORE_PURPOSES = [
    Purpose("approval", "审批", ({"name": "审批", "kind": "review", "role": "owner", "due_days": 2, "signs": True},),
            rejects=True, approved="已批准", rejected="未批准"),
    Purpose("signoff", "签批", ({"name": "签批", "kind": "review", "role": "head", "due_days": 2, "signs": True},),
            rejects=True),
    Purpose("closeout", "销号", ({"name": "科室审核", "kind": "review", "role": "section_chief", "due_days": 2,
                                  "signs": False},
                                 {"name": "销号确认", "kind": "review", "role": "deputy", "due_days": 2, "signs": True})),
]


def register_purpose(code: str, label: str, *, steps: Iterable[dict], rejects: bool = False,
                     approved: str = "已审核通过", rejected: str = "未通过审核", flow_name: str = "") -> Purpose:
    steps = tuple(dict(step) for step in steps)
    if not steps:
        raise ImproperlyConfigured(f"审核用途“{label}”至少需要一个默认环节。")
    _PURPOSES[code] = Purpose(code, label, steps, rejects, approved, rejected, flow_name)
    return _PURPOSES[code]


for _purpose in _CORE_PURPOSES:
    _PURPOSES[_purpose.code] = _purpose


def register_reviewable(model: type, *, purpose: str, editors: str) -> Registration:
    """Declare ``model`` reviewable through flows of ``purpose``, edited by holders of ``editors``."""
    if purpose not in _PURPOSES:
        raise ImproperlyConfigured(f"{model.__name__}: unknown review purpose {purpose!r}; register it first.")
    missing = [name for name in ("get_absolute_url", "review_title", "review_author", "review_version",
                                 "review_owners", "on_review_approved", "on_review_rejected")
               if not callable(getattr(model, name, None))]
    if missing:
        raise ImproperlyConfigured(f"{model.__name__} does not offer the Reviewable protocol: {', '.join(missing)}")
    blockers = _MODELS[model].blockers if model in _MODELS else []
    _MODELS[model] = Registration(model, purpose, editors, blockers)
    return _MODELS[model]


def register_blocker(model: type, check: Callable) -> None:
    """``check(record, stage) -> list[str]``: reasons approval of ``stage`` is refused now."""
    registration_for(model).blockers.append(check)


def purpose(code: str) -> Purpose:
    try:
        return _PURPOSES[code]
    except KeyError:
        raise ImproperlyConfigured(f"unknown review purpose {code!r}") from None


def purposes() -> list[Purpose]:
    return list(_PURPOSES.values())


def registration_for(model_or_record) -> Registration:
    model = model_or_record if isinstance(model_or_record, type) else type(model_or_record)
    model = getattr(model._meta, "concrete_model", model)
    try:
        return _MODELS[model]
    except KeyError:
        raise ImproperlyConfigured(f"{model.__name__} is not registered with register_reviewable()") from None


def blockers_for(record, stage) -> list[str]:
    return [reason for check in registration_for(record).blockers for reason in check(record, stage)]


def editor_capabilities(purpose_code: str) -> set[str]:
    """The capabilities whose holders edit the flows of ``purpose_code``."""
    return {r.editors for r in _MODELS.values() if r.purpose == purpose_code}


def holds_capability(user, code: str) -> bool:
    return bool(user.is_authenticated and user.is_active and user.has_capability(code))
