"""The one policy for acting: ``visible_to(user, action)``, child records through their parent, and
``access`` (404 when not visible, a Chinese 403 when visible but not allowed)."""

from datetime import date

import pytest
from django.apps import apps
from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.http import Http404

from ideowork.core.access import access, can
from ideowork.core.choices import Role
from ideowork.core.scoping import can_act_in
from ideowork.ledger.access import access_activity
from ideowork.ledger.actions import do_record_activity
from ideowork.ledger.models import Activity, ActivityTarget, Evidence, TargetCredit
from ideowork.learning.models import StudyGroup
from ideowork.plans.models import Target
from tests.factories import make_plan, make_user
from tests.ledger.files import photo

BUSINESS_APPS = {"plans", "ledger", "learning", "outlets", "risks"}
# Pure lookup tables: they hold no business record of any unit, so there is nothing to scope.
UNSCOPED_LOOKUPS = {
    "learning.QuestionTag",  # a free tag name shared by every bank
    "learning.PointsRule",  # the points per action and their caps: one row per action, system-wide
}


def test_every_business_model_is_scoped():
    unscoped = [f"{m._meta.app_label}.{m.__name__}" for m in apps.get_models()
                if m._meta.app_label in BUSINESS_APPS and not hasattr(m._default_manager, "visible_to")]
    assert sorted(unscoped) == sorted(UNSCOPED_LOOKUPS), "scope these models (a child through its parent)"


@pytest.fixture
def city_activity(org):
    plan = make_plan(org.city, creator=org.staff)
    target = Target.objects.filter(item__plan=plan).first()
    return do_record_activity(org.staff, org_unit=org.office, kind="study", title="集中学习", date=date(2026, 3, 3),
                              participants=[org.section_chief], targets=[target], item=target.item,
                              evidence_files=[photo("photo.png")])


def test_change_is_for_capability_holders_in_their_own_subtree(org, city_activity):
    changers = {name for name in ("principal", "deputy", "section_chief", "staff", "supervisor", "cadre",
                                  "county_staff", "gov_staff", "sysadmin", "secadmin", "auditor")
                if Activity.objects.visible_to(getattr(org, name), "change").filter(pk=city_activity.pk).exists()}
    # ledger.record: head, deputy, section chief, staff, supervisor — of the city, not a county or another organ.
    assert changers == {"principal", "deputy", "section_chief", "staff", "supervisor"}
    assert can(org.staff, "change", city_activity)
    assert not can(org.county_staff, "change", city_activity)


def test_a_county_changes_its_own_records_but_not_the_citys(org, city_activity):
    county = do_record_activity(org.county_staff, org_unit=org.county_a, kind="study", title="县里学习",
                                date=date(2026, 3, 4))
    assert list(Activity.objects.visible_to(org.county_staff, "change")) == [county]
    assert not Activity.objects.visible_to(org.other_county_staff, "change").filter(pk=county.pk).exists()
    # The city office changes what its county bureaus record (延伸管控).
    assert can(org.staff, "change", county)


def test_child_records_follow_their_parent(org, city_activity):
    for model in (Evidence, ActivityTarget, TargetCredit):
        assert model.objects.visible_to(org.staff).filter(activity=city_activity).exists(), model
        assert model.objects.visible_to(org.staff, "change").filter(activity=city_activity).exists(), model
        assert not model.objects.visible_to(org.county_staff).filter(activity=city_activity).exists(), model
        assert not model.objects.visible_to(org.auditor).exists(), model
    # A cadre of the office sees the unit's activity and its evidence, but may change neither.
    assert Evidence.objects.visible_to(org.cadre).filter(activity=city_activity).exists()
    assert not Evidence.objects.visible_to(org.cadre, "change").exists()


def test_the_owner_changes_their_own_record_without_the_capability(org):
    from ideowork.learning.actions.reflections import do_submit_reflection

    other = make_user("cadre_two", Role.CADRE, org.office, "另一干部")
    group = StudyGroup.objects.create(name="第一党支部", org_unit=org.office, secretary=org.section_chief)
    group.members.set([org.cadre, other])
    reflection = do_submit_reflection(org.cadre, kind="insight", group=group, title="体会", body="正文")
    assert can(org.cadre, "change", reflection)  # ``owner_field = "author"``
    assert not can(other, "change", reflection)  # sees the unit's reflections, does not change them
    assert can(org.staff, "change", reflection)
    assert not can(org.county_staff, "change", reflection)
    # A group's secretary runs it only while they record the ledger (``people_holding``).
    group.secretary = make_user("secretary_cadre", Role.CADRE, org.office, "学习秘书")
    group.save()
    assert not can(group.secretary, "change", group) and not can(org.cadre, "change", group)
    group.secretary = org.supervisor
    group.save()
    assert can(org.supervisor, "change", group) and can(org.staff, "change", group)
    assert not can(org.county_staff, "change", group)


def test_an_undeclared_action_is_an_error_not_a_silent_no(org, city_activity):
    with pytest.raises(ImproperlyConfigured):
        Activity.objects.visible_to(org.staff, "launch")


def test_access_answers_404_when_hidden_and_a_chinese_403_when_not_allowed(org, city_activity):
    assert access_activity(org.staff, city_activity.pk, "change") == city_activity
    with pytest.raises(Http404):
        access_activity(org.county_staff, city_activity.pk)
    with pytest.raises(Http404):
        access_activity(org.staff, "not-a-number")
    with pytest.raises(PermissionDenied) as denied:
        access_activity(org.cadre, city_activity.pk, "change")
    assert "无权" in str(denied.value)
    with pytest.raises(Http404):
        access(Activity, org.sysadmin, city_activity.pk)


def test_can_act_in_is_the_unit_tree_half_of_every_rule(org):
    assert can_act_in(org.staff, org.county_a, "ledger.record")
    assert not can_act_in(org.county_staff, org.city, "ledger.record")
    assert not can_act_in(org.cadre, org.office, "ledger.record")
    assert can_act_in(org.cadre, org.office)  # in scope, no capability asked
    assert not can_act_in(org.auditor, org.city)


# --- declared actions that used to be hand-written predicates -------------------------------------
# The old predicates, as they were written before each became a declared action (``Allow`` rules on
# the querysets): ``visible_to(user, action)`` must answer exactly as they did for every role of the
# test organisation (the demo's roles), and refuse where they refused.
EVERY_ROLE = ["principal", "deputy", "section_chief", "staff", "supervisor", "cadre", "county_staff",
              "other_county_staff", "gov_staff", "sysadmin", "secadmin", "auditor"]


def _old_can_manage_series(user, series):
    if not (user.is_authenticated and user.is_active and user.has_capability("outlets.publish")):
        return False
    root = user.scope_root
    return root is not None and series.kind == "briefing" and series.org_unit.organ_id == root.pk


def _old_can_publish_content(user, content):
    return user.has_capability("ledger.record") and can_act_in(user, content.org_unit, "outlets.publish")


def _answers(model, action, records, user):
    return set(model.objects.visible_to(user, action).filter(pk__in=[r.pk for r in records]))


def _assert_same(model, action, records, old, org, *, visible_only=False):
    for name in EVERY_ROLE:
        user = getattr(org, name)
        seen = _answers(model, "view", records, user)
        expected = {r for r in records if old(user, r) and (not visible_only or r in seen)}
        assert _answers(model, action, records, user) == expected, (model.__name__, action, name)


@pytest.fixture
def briefing_series(org):
    from ideowork.outlets.models import Outlet

    made = [Outlet.objects.create(org_unit=unit, name=f"{unit.name}工作简报", kind="briefing", responsible=user)
            for unit, user in ((org.city, org.staff), (org.office, org.staff), (org.county_a, org.county_staff),
                               (org.gov, org.gov_staff))]
    made.append(Outlet.objects.create(org_unit=org.city, name="门户网站", kind="website", responsible=org.staff))
    return made


def test_compiling_and_changing_briefings_is_the_organs_own_staffs(org, briefing_series):
    from django.utils import timezone

    from ideowork.outlets.actions.briefings import do_create_issue
    from ideowork.outlets.models import BriefingIssue, Outlet

    _assert_same(Outlet, "compile", briefing_series, _old_can_manage_series, org)
    # The city's staff compile the city's (and its sections') briefings, not a county bureau's.
    assert can(org.staff, "compile", briefing_series[0]) and not can(org.staff, "compile", briefing_series[2])
    assert not can(org.staff, "compile", briefing_series[4])  # not a briefing series
    month = timezone.localdate()
    issues = [do_create_issue(org.staff, briefing_series[0], month=month, notes=[("动态", "市里的一条。")]),
              do_create_issue(org.county_staff, briefing_series[2], month=month, notes=[("动态", "县里的一条。")])]
    _assert_same(BriefingIssue, "change", issues, lambda user, issue: _old_can_manage_series(user, issue.series),
                 org, visible_only=True)


def test_publishing_content_needs_both_capabilities_in_the_subtree(org):
    from ideowork.outlets.actions.content import do_create_content
    from ideowork.outlets.models import ContentItem

    items = [do_create_content(org.cadre, org_unit=org.office, kind="article", title="科室稿件", body="正文。"),
             do_create_content(org.county_staff, org_unit=org.county_a, kind="article", title="县里稿件", body="正文。"),
             do_create_content(org.gov_staff, org_unit=org.gov, kind="article", title="政府稿件", body="正文。")]
    _assert_same(ContentItem, "publish", items, _old_can_publish_content, org)
    assert not can(org.supervisor, "publish", items[0])  # records the ledger, does not run publicity
    assert not can(org.cadre, "publish", items[0])  # the author changes it, does not publish it
    assert can(org.staff, "publish", items[1])  # the city office publishes for its county bureaus


def test_judging_is_for_the_contests_judges_and_recording_a_meeting_for_the_pair(org):
    from datetime import date, timedelta

    from django.utils import timezone

    from ideowork.learning.actions.youth import do_create_pair, do_save_contest
    from ideowork.learning.models import EssayContest, EssaySubmission, MentorPair

    now = timezone.now()
    contests = [do_save_contest(org.staff, title="征文", theme="主题", opens_at=now - timedelta(days=1),
                                closes_at=now + timedelta(days=7), judges=[org.deputy, org.cadre]),
                do_save_contest(org.county_staff, title="县征文", theme="主题", opens_at=now - timedelta(days=1),
                                closes_at=now + timedelta(days=7), judges=[org.county_staff])]
    _assert_same(EssayContest, "judge", contests, lambda user, c: c.judges.filter(pk=user.pk).exists(), org,
                 visible_only=True)
    _assert_same(EssayContest, "change", contests,
                 lambda user, c: can_act_in(user, c.org_unit, "learning.manage"), org, visible_only=True)
    assert not can(org.staff, "judge", contests[0])  # runs the contest, does not judge it
    assert can(org.cadre, "judge", contests[0]) and not can(org.cadre, "change", contests[0])
    # Entries follow their contest: a judge reaches every entry of the contests they judge.
    assert not EssaySubmission.objects.visible_to(org.staff, "judge").exists()

    pairs = [do_create_pair(org.staff, mentor=org.section_chief, mentee=org.cadre, started_on=date(2026, 1, 5)),
             do_create_pair(org.county_staff, mentor=org.county_staff,
                            mentee=make_user("county_cadre", Role.CADRE, org.county_a, "县干部"),
                            started_on=date(2026, 1, 5))]
    _assert_same(MentorPair, "record", pairs,
                 lambda user, p: p.is_member(user) or can_act_in(user, p.org_unit, "learning.manage"), org,
                 visible_only=True)
    other_cadre = make_user("cadre_two", Role.CADRE, org.office, "另一干部")
    assert not can(other_cadre, "record", pairs[0]) and not can(org.supervisor, "record", pairs[0])
    assert can(org.cadre, "record", pairs[0]) and not can(org.cadre, "change", pairs[0])


def test_only_the_author_resubmits_a_reflection(org):
    from ideowork.learning.actions.reflections import do_submit_reflection
    from ideowork.learning.models import Reflection

    group = StudyGroup.objects.create(name="秘书科党支部", org_unit=org.office, secretary=org.section_chief)
    group.members.set([org.cadre, org.staff])
    reflections = [do_submit_reflection(org.cadre, kind="insight", group=group, title="体会", body="正文"),
                   do_submit_reflection(org.staff, kind="insight", group=group, title="专干的体会", body="正文")]
    _assert_same(Reflection, "resubmit", reflections, lambda user, r: r.author_id == user.pk, org, visible_only=True)
    # Its reviewers change it ("change": decide and manage), they never resubmit it.
    assert can(org.staff, "change", reflections[0]) and not can(org.staff, "resubmit", reflections[0])


def test_allow_rules_are_checked_when_declared():
    from ideowork.core.scoping import Allow

    with pytest.raises(ImproperlyConfigured):
        Allow("outlets.publish", within="county")
    with pytest.raises(ImproperlyConfigured):
        Allow(people="judges")


def _old_can_edit_rule(user, rule):
    """``outlets.actions.proofreading.can_edit_rule`` as it was (and ``ProofRuleQuerySet.action_filter``)."""
    if not (user.is_active and user.has_capability("outlets.publish") and user.scope_root is not None):
        return False
    if rule.org_unit_id is None:
        return user.scope_root.depth == 0
    return rule.org_unit_id == user.scope_root.pk


def test_proofreading_rules_are_changed_by_their_organs_publicity_staff(org):
    from ideowork.outlets.models import ProofRule

    rules = [ProofRule.objects.create(org_unit=unit, category="confusable", pattern=f"规则{i}", suggestion="改")
             for i, unit in enumerate((None, org.city, org.county_a, org.county_b, org.gov))]
    _assert_same(ProofRule, "change", rules, _old_can_edit_rule, org)
    # The shipped rules (no unit) are the top-level organs' staff's; a county's own rule is its own.
    assert can(org.staff, "change", rules[0]) and not can(org.county_staff, "change", rules[0])
    assert can(org.county_staff, "change", rules[2]) and not can(org.staff, "change", rules[2])


def _old_can_manage_group(user, group):
    """``learning.actions.sessions.can_manage_group`` as it was (sessions and leave through their group)."""
    if not (user.is_authenticated and user.is_active and user.is_business):
        return False
    if can_act_in(user, group.org_unit, "learning.manage"):
        return True
    return group.secretary_id == user.pk and user.has_capability("ledger.record")


@pytest.fixture
def study_groups(org):
    county_cadre = make_user("county_cadre", Role.CADRE, org.county_a, "县干部")
    made = [StudyGroup.objects.create(name=name, org_unit=unit, secretary=secretary)
            for name, unit, secretary in (("中心组", org.city, org.staff), ("秘书科党支部", org.office, org.cadre),
                                          ("综合科党支部", org.theory, org.supervisor),
                                          ("甲县中心组", org.county_a, county_cadre), ("乙县中心组", org.county_b, None),
                                          ("政府中心组", org.gov, org.gov_staff))]
    for group in made:
        group.members.set([org.cadre, org.staff])
    return made


def _sessions(groups):
    from ideowork.learning.models import StudySession

    return [StudySession.objects.create(group=group, org_unit=group.org_unit, title=f"{group.name}集中学习",
                                        date=date(2026, 3, 5), start_time="09:00", host="主持人",
                                        sign_in_code=f"{100000 + i}") for i, group in enumerate(groups)]


def test_running_a_group_is_its_managers_and_a_secretary_who_records_the_ledger(org, study_groups):
    from ideowork.learning.actions.sessions import group_managers
    from ideowork.core.models import User

    _assert_same(StudyGroup, "change", study_groups, _old_can_manage_group, org)
    # The supervisor records the ledger, so runs the group whose secretary they are; a cadre secretary does not.
    assert can(org.supervisor, "change", study_groups[2]) and not can(org.supervisor, "change", study_groups[1])
    assert not can(org.cadre, "change", study_groups[1])
    for group in study_groups:
        organ = group.org_unit.organ_id
        people = User.objects.business().filter(org_unit__organ_id=organ)
        assert set(group_managers(group)) == {p for p in people if _old_can_manage_group(p, group)}, group.name


def test_sessions_leave_and_make_up_are_decided_by_who_runs_the_group(org, study_groups):
    from ideowork.learning.models import LeaveRequest, MakeupStudy, StudySession

    sessions = _sessions(study_groups)
    _assert_same(StudySession, "change", sessions, lambda user, s: _old_can_manage_group(user, s.group), org)
    _assert_same(StudySession, "decide", sessions, lambda user, s: _old_can_manage_group(user, s.group), org)
    leaves = [LeaveRequest.objects.create(session=session, user=org.cadre, reason="出差") for session in sessions]
    _assert_same(LeaveRequest, "decide", leaves, lambda user, lv: _old_can_manage_group(user, lv.session.group), org)
    makeups = [MakeupStudy.objects.create(session=session, user=org.cadre, content="自学", studied_on=date(2026, 3, 6))
               for session in sessions]
    _assert_same(MakeupStudy, "decide", makeups, lambda user, m: _old_can_manage_group(user, m.session.group), org)
    # A group moved to another unit takes its sessions with it: the county bureau no longer runs them.
    moved = study_groups[3]
    moved.org_unit, moved.secretary = org.office, None
    moved.save()
    assert not can(org.county_staff, "change", sessions[3]) and can(org.staff, "change", sessions[3])
    _assert_same(StudySession, "change", sessions, lambda user, s: _old_can_manage_group(user, s.group), org,
                 visible_only=True)


def test_people_holding_needs_people():
    from ideowork.core.scoping import Allow

    with pytest.raises(ImproperlyConfigured):
        Allow("learning.manage", people_holding="ledger.record")


def test_managing_an_outlet_is_its_declared_change(org, briefing_series):
    """``can_manage_outlet`` (the publicity staff whose scope holds the outlet's unit) is gone: services
    and the outlet page ask the declared "change" instead, which answers as it did."""
    from ideowork.outlets.models import Outlet

    _assert_same(Outlet, "change", briefing_series,
                 lambda user, outlet: can_act_in(user, outlet.org_unit, "outlets.publish"), org)


def _old_can_organise(user, selection):
    """``learning.actions.exemplars.can_organise`` as it was."""
    if not user.has_capability("learning.manage") or user.scope_root is None:
        return False
    return can_act_in(user, selection.org_unit)


def _old_can_review(user, selection):
    """``learning.actions.exemplars.can_review`` as it was: the leaders of the selection's own organ."""
    return user.is_leader and user.scope_root is not None and selection.org_unit_id == user.scope_root.pk


def test_exemplar_selections_are_organised_by_learning_managers_and_decided_by_their_organs_leaders(org):
    from ideowork.learning.models import ExemplarSelection

    county_head = make_user("county_head", Role.HEAD, org.county_a, "县局长")
    org.county_head = county_head
    selections = [ExemplarSelection.objects.create(org_unit=unit, title=f"{unit.name}学习标兵", start=date(2026, 1, 1),
                                                   end=date(2026, 6, 30), quota=3)
                  for unit in (org.city, org.county_a, org.county_b, org.gov)]
    _assert_same(ExemplarSelection, "change", selections, _old_can_organise, org, visible_only=True)
    _assert_same(ExemplarSelection, "decide", selections, _old_can_review, org, visible_only=True)
    # The county's own head decides its selection; the city's leaders, who see it, do not.
    assert can(county_head, "decide", selections[1]) and not can(county_head, "decide", selections[0])
    assert not can(org.principal, "decide", selections[1]) and can(org.principal, "decide", selections[0])
