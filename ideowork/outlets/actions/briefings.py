"""The monthly 工作简报: compiling, numbering, reviewing and issuing (印发) briefing issues.

An issue is compiled from ledger activities the editor chooses (each becomes an entry: its title as
heading; date, unit, place and summary as text) and from free notes. Its 期号 (within the year) and
总期号 (over the series' life) are allocated when it is created: the series row is locked, and the
unique constraints are the backstop should two editors still meet (the insert is retried with the
next free numbers). The compiled text is the issue's ``ContentItem`` version, so every edit makes a
new version (refused while the issue is under review), and the review and the publishing go through
the content services; publishing records the ledger activity of kind 简报 that counts toward
每月编发1期工作简报. Who may manage issues: the publicity staff of the series' organ.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone

from ideowork.core.access import require_can
from ideowork.core.audit import record, snapshot
from ideowork.core.choices import Role
from ideowork.core.models import User
from ideowork.core.permissions import require
from ideowork.ledger.choices import ActivityKind
from ideowork.ledger.models import Activity

from ..choices import ContentKind, ContentStatus, OutletActivityKind, OutletKind
from ..models import BriefingEntry, BriefingIssue, Outlet
from .content import clean_text, do_create_content, do_publish_content, do_revise_content, do_submit_content

__all__ = ["EntryData", "briefing_series", "month_activities",
           "entry_from_activity", "issue_defaults", "next_numbers", "compile_body", "do_create_issue",
           "do_update_issue", "do_submit_issue", "do_publish_issue", "ISSUE_FIELDS"]

ISSUE_FIELDS = ["issue_date", "editor", "signer", "report_to", "copy_to", "distribute_to", "copies"]
# Activities a briefing does not report on: the briefings themselves.
NOT_REPORTED = (OutletActivityKind.BRIEFING,)
NUMBER_ATTEMPTS = 5
# How an entry's first sentence says what was done, by activity kind.
ACTIVITY_VERBS = {
    ActivityKind.STUDY: "组织集中学习研讨", ActivityKind.MICRO_STUDY: "开展微学习", ActivityKind.TRAINING: "组织培训",
    ActivityKind.LECTURE: "开展宣讲", ActivityKind.RESEARCH: "开展调研", ActivityKind.MEETING: "召开会议",
    ActivityKind.INSPECTION: "开展检查", ActivityKind.PATROL: "开展巡查", ActivityKind.SCREENING: "开展排查",
    ActivityKind.DRILL: "组织演练", OutletActivityKind.PUBLICATION: "刊发稿件", OutletActivityKind.BOARD_UPDATE: "更新宣传阵地内容",
    ActivityKind.ASSESSMENT: "开展考核", ActivityKind.DEBRIEFING: "开展述职评议",
    OutletActivityKind.PRESS_CONFERENCE: "召开新闻发布会", OutletActivityKind.INTERPRETATION: "开展政策解读",
    OutletActivityKind.PUBLIC_RESPONSE: "回应群众关切", ActivityKind.ANALYSIS: "开展形势研判",
}


@dataclass(frozen=True)
class EntryData:
    heading: str
    text: str
    activity: Activity | None = None

    def paragraphs(self) -> list[str]:
        return [line.strip() for line in self.text.splitlines() if line.strip()]


# --- reads used by the pages and the service -------------------------------------------------------
# Who may do what is the declared policy: a series' "compile" (a new issue) and an issue's "change"
# (edit, submit, issue) belong to the publicity staff of the series' own organ (``Outlet`` and
# ``BriefingIssue`` querysets); pages ask ``can``/``visible_to``, the services ``require_can``.
def briefing_series(user: User, action: str = "view"):
    """The briefing series the user may ``action`` ("view", or "compile" a new issue of)."""
    return Outlet.objects.visible_to(user, action).filter(kind=OutletKind.BRIEFING).select_related("org_unit")


def month_activities(user: User, series: Outlet, year: int, month: int):
    """The ledger activities of the series' organ in that month that the user can see."""
    organ = series.org_unit.organ
    return (Activity.objects.visible_to(user)
            .filter(org_unit__path__startswith=organ.path, date__year=year, date__month=month)
            .exclude(kind__in=NOT_REPORTED).select_related("org_unit").order_by("date", "id"))


def entry_from_activity(activity: Activity) -> EntryData:
    """An entry reporting a ledger activity: its title as heading, what happened as text."""
    day, place = activity.date, activity.place.strip()
    if "://" in place:  # a website's address says nothing in print
        place = ""
    done = ACTIVITY_VERBS.get(activity.kind) or f"开展{activity.get_kind_display()}活动"
    lead = f"{day.month}月{day.day}日，{activity.org_unit.display_name}" + (f"在{place}" if place else "") + f"{done}。"
    summary = [line.strip() for line in activity.summary.splitlines() if line.strip()]
    if summary:  # the summary's first line continues the lead paragraph
        lead, summary = lead + summary[0], summary[1:]
    return EntryData(heading=activity.title.strip(), text="\n".join([lead, *summary]), activity=activity)


def issue_defaults(user: User, series: Outlet) -> dict:
    """Masthead and distribution for a new issue: as in the series' last issue, else sensible ones."""
    last = BriefingIssue.objects.filter(series=series).order_by("-serial").first()
    today = timezone.localdate()
    if last is not None:
        data = {name: getattr(last, name) for name in ISSUE_FIELDS}
        data["issue_date"] = today
        return data
    organ = series.org_unit.organ
    editor = organ.display_name
    if user.org_unit_id and user.org_unit_id != organ.pk and user.org_unit.is_within(organ):
        editor += user.org_unit.name
    head = User.objects.filter(org_unit=organ, role=Role.HEAD, is_active=True).order_by("pk").first()
    return {"issue_date": today, "editor": editor, "signer": head.name if head else "",
            "report_to": "市委、市政府领导同志，市委编委领导同志", "copy_to": "",
            "distribute_to": "机关各科室，各县（市、区）委编办", "copies": 30}


def next_numbers(series: Outlet, year: int, first_serial: int | None = None) -> tuple[int, int]:
    """The next free 期号 of ``year`` and the next 总期号 of the series."""
    issues = BriefingIssue.objects.filter(series=series)
    number = (issues.filter(year=year).aggregate(m=Max("number"))["m"] or 0) + 1
    last_serial = issues.aggregate(m=Max("serial"))["m"]
    serial = last_serial + 1 if last_serial else (first_serial or 1)
    return number, serial


def _title(series: Outlet, year: int, number: int) -> str:
    return f"{series.name}{year}年第{number}期"


def compile_body(issue: BriefingIssue, entries: Sequence[EntryData | BriefingEntry]) -> str:
    """The issue's text as reviewed and printed: number line, editor and date, entries, distribution."""
    day = issue.issue_date
    lines = [issue.number_label, f"{issue.editor}编　　{day.year}年{day.month}月{day.day}日", ""]
    for entry in entries:
        lines.append(entry.heading.strip())
        lines += [p.strip() for p in entry.text.splitlines() if p.strip()]
        lines.append("")
    lines += [f"{label}：{text.strip()}" for label, text in issue.distribution()]
    lines.append(f"共印{issue.copies}份")
    return "\n".join(lines)


# --- checks ----------------------------------------------------------------------------------------
def _checked_entries(user: User, series: Outlet, entries: Iterable[EntryData]) -> list[EntryData]:
    entries = [EntryData(e.heading.strip(), e.text.strip(), e.activity) for e in entries
               if e.heading.strip() or e.text.strip()]
    errors = []
    for n, entry in enumerate(entries, 1):
        if not entry.heading:
            errors.append(f"第{n}条缺少标题。")
        elif len(entry.heading) > 200:
            errors.append(f"第{n}条标题过长（不超过200字）。")
        if not entry.text:
            errors.append(f"第{n}条“{entry.heading[:20]}”缺少正文。")
    if errors:
        raise ValidationError({"entries": errors})
    if not entries:
        raise ValidationError({"entries": "请至少选择一项台账活动或填写一条内容。"})
    ids = {e.activity.pk for e in entries if e.activity is not None}
    organ = series.org_unit.organ
    usable = set(Activity.objects.visible_to(user).filter(pk__in=ids, org_unit__path__startswith=organ.path)
                 .values_list("pk", flat=True))
    require(ids <= usable, "所选台账活动中有您无权使用或不属于本机关的活动。")
    return entries


def _checked_fields(fields: dict) -> dict:
    unknown = set(fields) - set(ISSUE_FIELDS)
    if unknown:
        raise TypeError(f"unknown briefing fields: {', '.join(sorted(unknown))}")
    data = {k: v.strip() if isinstance(v, str) else v for k, v in fields.items()}
    errors = {}
    if "editor" in data and not data["editor"]:
        errors["editor"] = "请填写编印单位。"
    if "copies" in data and not (data["copies"] and 1 <= data["copies"] <= 9999):
        errors["copies"] = "印数须在1至9999份之间。"
    if errors:
        raise ValidationError(errors)
    return data


def _set_entries(issue: BriefingIssue, entries: list[EntryData]) -> None:
    issue.entries.all().delete()
    BriefingEntry.objects.bulk_create(BriefingEntry(issue=issue, order=n, heading=e.heading, text=e.text,
                                                    activity=e.activity) for n, e in enumerate(entries, 1))


def _issue_snapshot(issue: BriefingIssue) -> dict:
    data = snapshot(issue, ["year", "number", "serial", "month", *ISSUE_FIELDS])
    data["entries"] = [e.heading for e in issue.entries.all()]
    return data


# --- services --------------------------------------------------------------------------------------
def do_create_issue(user: User, series: Outlet, *, month: date, activities: Iterable[Activity] = (),
                    notes: Iterable[tuple[str, str]] = (), first_serial: int | None = None,
                    **fields) -> BriefingIssue:
    """Compile and number a new issue of ``series`` reporting the month of ``month`` (any day in it).

    Entries come first from ``activities`` (in date order), then from ``notes`` (heading, text).
    ``fields`` may set the masthead and distribution (``ISSUE_FIELDS``); what is not given is taken
    from ``issue_defaults``. ``first_serial`` sets the 总期号 of a series' first issue (a series that
    was numbered before it was kept here).
    """
    require_can(user, "compile", series, "您无权编辑该简报。")
    if series.kind != OutletKind.BRIEFING:
        raise ValidationError({"series": "所选阵地不是工作简报。"})
    today = timezone.localdate()
    if (month.year, month.month) > (today.year, today.month):
        raise ValidationError({"month": "不能为尚未到来的月份编发简报。"})
    if first_serial is not None and first_serial < 1:
        raise ValidationError({"first_serial": "总期号须为正整数。"})
    activities = sorted(activities, key=lambda a: (a.date, a.pk))
    entries = _checked_entries(user, series, [*map(entry_from_activity, activities),
                                              *(EntryData(h, t) for h, t in notes)])
    data = {**issue_defaults(user, series), **_checked_fields(fields)}
    with transaction.atomic():
        # Serialises creators of this series where the database has row locks; the unique
        # constraints catch the rest.
        Outlet.objects.select_for_update().filter(pk=series.pk).first()
        for attempt in range(NUMBER_ATTEMPTS):
            number, serial = next_numbers(series, month.year, first_serial)
            try:
                with transaction.atomic():
                    issue = _insert_issue(user, series, month, number, serial, data, entries)
                break
            except IntegrityError:
                if attempt == NUMBER_ATTEMPTS - 1:
                    raise ValidationError("期号分配冲突，请稍后重试。") from None
        record("outlets.briefing.create", issue, actor=user, new=_issue_snapshot(issue),
               unit=series.org_unit)
    return issue


def _insert_issue(user, series, month, number, serial, data, entries) -> BriefingIssue:
    issue = BriefingIssue(series=series, year=month.year, number=number, serial=serial, month=month.month,
                          created_by=user, **data)
    body = compile_body(issue, entries)
    issue.content = do_create_content(user, org_unit=series.org_unit, kind=ContentKind.BRIEFING,
                                      title=_title(series, month.year, number), body=body, outlet=series,
                                      item=series.item, note=f"编辑{issue.number_label}")
    issue.full_clean(validate_unique=False, validate_constraints=False)
    issue.save(force_insert=True)
    _set_entries(issue, entries)
    return issue


def do_update_issue(user: User, issue: BriefingIssue, *, entries: Iterable[EntryData] | None = None,
                    note: str = "", **fields) -> BriefingIssue:
    """Change an issue's entries and masthead; a changed text becomes a new content version.

    Refused once the issue is issued (印发), and while it is under review (the content is locked).
    """
    require_can(user, "change", issue, "您无权修改该简报。")
    data = _checked_fields(fields)
    with transaction.atomic():
        issue = BriefingIssue.objects.select_for_update(of=("self",)).select_related("series", "content").get(pk=issue.pk)
        if issue.content.status == ContentStatus.PUBLISHED:
            raise ValidationError("该期简报已印发，不能再修改。")
        if issue.content.status == ContentStatus.IN_REVIEW:
            raise ValidationError("该期简报正在审核中，不能修改；如需修改，请撤回后再改。")
        old = _issue_snapshot(issue)
        new_entries = (_checked_entries(user, issue.series, entries) if entries is not None
                       else [EntryData(e.heading, e.text, e.activity) for e in issue.entries.all()])
        for name, value in data.items():
            setattr(issue, name, value)
        issue.full_clean(validate_unique=False, validate_constraints=False)
        issue.save()
        if entries is not None:
            _set_entries(issue, new_entries)
        body = compile_body(issue, new_entries)
        latest = issue.content.latest
        if clean_text(body) != latest.body:
            do_revise_content(user, issue.content, title=latest.title, body=body,
                              note=note.strip() or "修改简报内容")
        new = _issue_snapshot(issue)
        if new != old:
            record("outlets.briefing.update", issue, actor=user, old=old, new=new, unit=issue.series.org_unit)
    return issue


def do_submit_issue(user: User, issue: BriefingIssue):
    """Send the issue into the review (三审三校) of its series; returns the review."""
    require_can(user, "change", issue, "您无权提交该简报。")
    return do_submit_content(user, issue.content)


def do_publish_issue(user: User, issue: BriefingIssue, *, published_at: datetime | None = None) -> BriefingIssue:
    """Issue (印发) an approved issue: the content is published and counted in the ledger as 简报."""
    require_can(user, "change", issue, "您无权印发该简报。")
    published_at = published_at or timezone.now()
    do_publish_content(user, issue.content, published_at=published_at,
                       where=f"{issue.series.name}{issue.year}年{issue.number_label}", kind=OutletActivityKind.BRIEFING)
    issue.content.refresh_from_db()
    return issue
