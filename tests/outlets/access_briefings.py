"""Records for the access walk (tests/test_access.py), and the briefing tests' shared builders."""

from django.utils import timezone

from ideowork.core.actions.reviews import active_stage, do_decide, eligible_users, open_review
from ideowork.core.choices import Role
from ideowork.ledger.actions import do_record_activity
from ideowork.outlets.actions.briefings import do_create_issue
from ideowork.outlets.models import Outlet
from tests.factories import make_user

CITY_RECORD_PAGES = {"outlets:briefing_detail", "outlets:briefing_edit", "outlets:briefing_submit",
                     "outlets:briefing_publish", "outlets:briefing_docx"}


def make_series(org, name="机构编制工作简报") -> Outlet:
    return Outlet.objects.create(org_unit=org.city, name=name, kind="briefing", responsible=org.staff,
                                 frequency_days=31, account="机关内部")


def proofreader(org):
    """A second staff member of the city office: the 三校 may not be done by the issue's author."""
    return org.users.get("proofreader") or org.users.setdefault(
        "proofreader", make_user("proofreader", Role.STAFF, org.theory, "钱校对"))


def record(org, title, day, *, unit=None, summary="", place="", kind="study"):
    return do_record_activity(org.staff, org_unit=unit or org.office, kind=kind, title=title, date=day,
                              summary=summary, place=place)


def approve_through(issue) -> None:
    """Walk the issue's open review to the end, each stage decided by someone allowed to."""
    content = issue.content
    while (review := open_review(content)) is not None and (stage := active_stage(review)) is not None:
        stage.review = review
        do_decide(eligible_users(stage).first(), review, stage_id=stage.pk, version=review.version,
                  decision="approve")
        content.refresh_from_db()


def objects(org) -> dict:
    series = make_series(org)
    today = timezone.localdate()
    activity = record(org, "理论学习中心组集中学习", today.replace(day=1))
    issue = do_create_issue(org.staff, series, month=today, activities=[activity],
                            notes=[("工作动态", "市委编办召开意识形态工作专题会议。")])
    return {name: issue.pk for name in CITY_RECORD_PAGES}
