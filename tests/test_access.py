"""Every URL, with every role: nobody gets a server error, nobody outside a record's scope can read
it, the system roles stay out of business data, and every page is behind the login.

A URL with parameters must be listed in OBJECTS below: a new page that is not is a failing test,
so no page escapes the walk.
"""

import re
from datetime import date

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from ideowork.core.actions.activation import awaiting_confirmation, do_activate_account
from ideowork.core.actions.api_clients import do_create_api_client
from ideowork.core.actions.users import do_reset_password
from ideowork.core.choices import Role
from ideowork.core.models import Notification
from ideowork.ledger.actions import do_record_activity
from ideowork.ledger.models import Evidence
from ideowork.plans.models import Target
from tests.factories import ROLE_USERNAMES, make_plan, make_user
from tests.ledger.files import photo

PUBLIC = {"core:login", "core:logout", "core:healthz", "core:activate",
          # the HTTP API's schema, and its root (a 404 for everyone: there is no docs page)
          "api:openapi-json", "api:api-root"}
# The HTTP API (core/api) knows no session: its other URLs answer 401 to a browser, signed in or not.
API_NAMESPACE = "api"
# Pages only a system role may open (everyone else gets 403 or is redirected).
SYSTEM_ONLY = {
    "core:audit_list": "auditor", "core:audit_integrity": "auditor", "core:audit_verify": "auditor",
    "core:audit_archive": "auditor",
    **{name: "sysadmin" for name in ["core:org_list", "core:org_create", "core:org_edit", "core:org_deactivate",
                                     "core:org_activate", "core:user_list", "core:user_create", "core:user_edit",
                                     "core:user_deactivate", "core:user_activate", "core:user_reset_password",
                                     "core:user_import", "core:user_import_template", "core:api_client_list",
                                     "core:api_client_create", "core:api_client_revoke"]},
    "core:security": "secadmin", "core:lockouts": "secadmin", "core:lockout_unlock": "secadmin",
    "core:two_factor_settings": "secadmin", "core:two_factor_reset": "secadmin",
    "core:security_policy_edit": "secadmin", "core:account_roles": "secadmin", "core:account_role_grant": "secadmin",
    "core:account_roles_grant_requested": "secadmin",
}
# Business pages about one record of the city office: the counties and the other organ must not see it.
CITY_RECORD_PAGES = {"plans:plan", "plans:item", "plans:item_edit", "plans:assign", "plans:target_add",
                     "plans:target_edit", "plans:target_delete", "plans:bulk_assign", "plans:responsibility_xlsx",
                     "plans:responsibility_docx", "ledger:detail", "ledger:edit", "ledger:delete",
                     "ledger:evidence_add", "ledger:evidence_download", "ledger:evidence_remove"}
# Areas add their own city-record pages in tests/<area>/access_*.py as CITY_RECORD_PAGES.


def all_url_names():
    def walk(patterns, namespace=None):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns, pattern.namespace or namespace)
            elif isinstance(pattern, URLPattern) and pattern.name:
                yield f"{namespace}:{pattern.name}", pattern

    return list(walk(get_resolver().url_patterns))


@pytest.fixture
def world(org):
    plan = make_plan(org.city, creator=org.staff)
    item = plan.items.get(number=1)
    target = Target.objects.filter(item=item).first()
    activity = do_record_activity(org.staff, org_unit=org.office, kind="study", title="集中学习", date=date(2026, 3, 3),
                                  participants=[org.cadre], targets=[target], item=item,
                                  evidence_files=[photo("photo.png")])
    evidence = Evidence.objects.get(activity=activity)
    note = Notification.objects.create(recipient=org.principal, title="提醒")
    reset = make_user("reset_me", Role.CADRE, org.office, "待确认重置")
    do_activate_account("reset_me", do_reset_password(org.sysadmin, reset).code, "Wo-De-Mima-2026!")
    waiting = awaiting_confirmation(reset)
    api_client = do_create_api_client(org.sysadmin, name="采集网关", org_unit=org.city, capabilities=["plans.read"]).client
    objects = {
        "core:notification_open": note.pk,
        "core:org_edit": org.office.pk, "core:org_deactivate": org.office.pk, "core:org_activate": org.office.pk,
        "core:user_edit": org.cadre.pk, "core:user_deactivate": org.cadre.pk, "core:user_activate": org.cadre.pk,
        "core:user_reset_password": org.cadre.pk, "core:account_role_grant": org.cadre.pk,
        "core:activation_confirm": waiting.pk, "core:activation_void": waiting.pk,
        "core:api_client_revoke": api_client.pk,
        "plans:plan": plan.pk, "plans:item": item.pk, "plans:item_edit": item.pk, "plans:assign": item.pk,
        "plans:target_add": item.pk, "plans:target_edit": target.pk, "plans:target_delete": target.pk,
        "plans:bulk_assign": plan.pk, "plans:responsibility_xlsx": plan.pk, "plans:responsibility_docx": plan.pk,
        "plans:import_preview": "no-such-draft", "plans:import_discard": "no-such-draft",
        "ledger:detail": activity.pk, "ledger:edit": activity.pk, "ledger:delete": activity.pk,
        "ledger:evidence_add": activity.pk, "ledger:evidence_download": evidence.pk,
        "ledger:evidence_remove": evidence.pk,
    }
    for module in area_access_modules():
        objects.update(module.objects(org))
    return org, objects


def area_access_modules():
    """Each area's tests may add the records its parameterised pages need: a module
    ``tests/<area>/access_*.py`` with ``objects(org) -> {url name: argument}``."""
    import importlib
    from pathlib import Path

    here = Path(__file__).parent
    for path in sorted(here.glob("*/access_*.py")):
        yield importlib.import_module(f"tests.{path.parent.name}.{path.stem}")


def api_post(client, name, url):
    """POST to a POST-only URL; to the API as JSON (anything else is refused, 415, before the token)."""
    if name.split(":")[0] == API_NAMESPACE:
        return client.post(url, data="{}", content_type="application/json")
    return client.post(url)


def url_for(name, pattern, objects):
    params = list(pattern.pattern.converters)
    if not params:
        return reverse(name)
    assert name in objects, f"{name} has parameters but is not in the access walk's OBJECTS: add it"
    return reverse(name, args=[objects[name]])


# One walk per role (and one signed out), so that pytest-xdist shares them between its workers: the
# whole walk as one test took over a minute on one worker.
@pytest.mark.parametrize("role", ["anonymous", *ROLE_USERNAMES])
def test_every_url_with_every_role(world, client, role):
    org, objects = world
    city_record_pages = set(CITY_RECORD_PAGES)
    for module in area_access_modules():
        city_record_pages |= set(getattr(module, "CITY_RECORD_PAGES", ()))
    failures = []
    urls = [(name, url_for(name, pattern, objects)) for name, pattern in all_url_names()]
    assert len(urls) > 40
    anonymous, signed_in = (urls, []) if role == "anonymous" else ([], [role])
    for name, url in anonymous:
        client.logout()
        response = client.get(url)
        if response.status_code == 405:  # POST-only: the POST must be behind the login too
            response = api_post(client, name, url)
        if name.split(":")[0] == API_NAMESPACE and name not in PUBLIC:
            if response.status_code != 401:
                failures.append(f"anonymous GET {name} → {response.status_code}, not 401")
        elif name not in PUBLIC and not (response.status_code == 302 and "/login/" in response["Location"]):
            failures.append(f"anonymous GET {name} → {response.status_code}")
    for username in signed_in:
        user = getattr(org, username)
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
        for name, url in urls:
            if name == "core:logout":
                continue
            response = client.get(url)
            status = response.status_code
            if status == 405 and name.split(":")[0] == API_NAMESPACE:  # a POST-only endpoint (opinion ingest)
                status = api_post(client, name, url).status_code
            outsider = name in city_record_pages and username in ("county_staff", "gov_staff")
            if status == 405 and (outsider or name in SYSTEM_ONLY):
                # POST-only: try the POST itself (empty, so an authorised role would change nothing).
                status = client.post(url).status_code
            if status >= 500:
                failures.append(f"{username} GET {name} → {status}")
            if name.split(":")[0] == API_NAMESPACE and name not in PUBLIC and status != 401:
                failures.append(f"{username}'s browser session reached the API through {name} → {status}")
            if name in SYSTEM_ONLY and SYSTEM_ONLY[name] != username and status not in (403, 404):
                failures.append(f"{username} may open {name}, which is for the {SYSTEM_ONLY[name]} only")
            if user.role in ("sysadmin", "secadmin", "auditor") and name.split(":")[0] in BUSINESS_NAMESPACES \
                    and status == 200:
                failures.append(f"system role {username} can read business page {name}")
            if outsider and status not in (403, 404):
                failures.append(f"{username} reached the city's record through {name} → {status}")
    assert not failures, "\n".join(failures)


def test_posts_out_of_scope_change_nothing(world, client):
    """A county's staff posting to the city's records is refused and the records stay as they were."""
    org, objects = world
    from ideowork.ledger.models import Activity
    from ideowork.plans.models import PlanItem

    client.force_login(org.county_staff, backend="django.contrib.auth.backends.ModelBackend")
    before = (Activity.objects.count(), Target.objects.count(), PlanItem.objects.get(pk=objects["plans:item"]).title)
    for name in ("ledger:delete", "plans:target_delete", "plans:item_edit", "ledger:edit"):
        response = client.post(reverse(name, args=[objects[name]]), {"title": "篡改", "number": 1, "text": "x"})
        assert response.status_code in (403, 404), name
    after = (Activity.objects.count(), Target.objects.count(), PlanItem.objects.get(pk=objects["plans:item"]).title)
    assert before == after


# Pages that change a record (by their URL name): a cadre may not use them on records that are not theirs.
CHANGE_NAME = re.compile(r"(edit|delete|remove|close|publish|assign|flag|reopen|rectify|inspect|update|toggle|reset|"
                         r"grade|decide|approve|withdraw|end|add|move|rule|question|score|nominate|code|mark|confirm|"
                         r"discard|waive|submit|finalise|issue|return)")
BUSINESS_NAMESPACES = ("plans", "ledger", "learning", "outlets", "opinion", "risks")
# The walk's records that are the cadre's own (their article and its review, their exam attempt and quiz
# run): changing those is theirs to do, so the cadre's walk leaves them out.
CADRE_OWN = re.compile(r"^(outlets:content_|core:review_|learning:attempt_|learning:quiz_)")


def business_digest() -> dict[str, int]:
    """A fingerprint of every business row: any change made by a refused POST shows up here."""
    from django.apps import apps

    digest = {}
    for model in apps.get_models():
        if model._meta.app_label in BUSINESS_NAMESPACES or model.__name__ in ("Review", "ReviewStage", "Attachment"):
            rows = model._base_manager.order_by("pk").values_list()
            digest[model.__name__] = hash(tuple(map(repr, rows)))
    return digest


def refused(response) -> bool:
    return response.status_code in (403, 404) or (response.status_code == 302 and "/login/" in response["Location"])


def test_posts_to_every_change_url_by_every_outsider_change_nothing(world, client):
    """POST to every change URL with every role that must not change it: one county (or the other organ)
    posting to the city's records, a cadre posting to records that are not theirs, the system roles
    posting anywhere in the business areas. Each is refused and no business row changes."""
    org, objects = world
    city_record_pages = set(CITY_RECORD_PAGES)
    for module in area_access_modules():
        city_record_pages |= set(getattr(module, "CITY_RECORD_PAGES", ()))
    urls = {name: url_for(name, pattern, objects) for name, pattern in all_url_names()}
    walks = {
        "county_staff": sorted(city_record_pages), "gov_staff": sorted(city_record_pages),
        "cadre": sorted(name for name in city_record_pages
                        if CHANGE_NAME.search(name.split(":")[1]) and not CADRE_OWN.match(name)),
        **{role: sorted(name for name in urls if name.split(":")[0] in BUSINESS_NAMESPACES)
           for role in ("sysadmin", "secadmin", "auditor")},
    }
    failures = []
    for username, names in walks.items():
        client.force_login(getattr(org, username), backend="django.contrib.auth.backends.ModelBackend")
        client.get("/")  # the day's first visit may earn login points: not a change by the POSTs below
        before = business_digest()
        for name in names:
            response = client.post(urls[name], {"title": "篡改", "name": "篡改", "text": "x", "number": 1})
            if not refused(response):
                failures.append(f"{username} POST {name} → {response.status_code}")
        after = business_digest()
        changed = sorted(model for model in before if before[model] != after[model])
        if changed:
            failures.append(f"{username}'s refused POSTs changed {', '.join(changed)}")
    assert not failures, "\n".join(failures)


def test_another_cadre_posting_to_a_cadres_own_records_changes_nothing(world, client):
    """The walk above leaves out a cadre's own records (their article, review, exam paper, quiz): here
    a second cadre of the same office posts to each of them, and also the author posts a decision on
    their own article's review; all are refused with 403 or 404 and no business row changes."""
    org, objects = world
    other = make_user("cadre_two", Role.CADRE, org.office, "另一干部")
    urls = {name: url_for(name, pattern, objects) for name, pattern in all_url_names()}
    names = sorted(name for name in urls if CADRE_OWN.match(name) and CHANGE_NAME.search(name.split(":")[1]))
    assert len(names) >= 8
    failures = []
    client.force_login(other, backend="django.contrib.auth.backends.ModelBackend")
    client.get("/")
    before = business_digest()
    for name in names:
        response = client.post(urls[name], {"title": "篡改", "name": "篡改", "text": "x", "number": 1})
        if not refused(response):
            failures.append(f"cadre_two POST {name} → {response.status_code}")
    client.force_login(org.cadre, backend="django.contrib.auth.backends.ModelBackend")
    for form in ({}, {"stage_id": "x"}, {"decision": "approve"}):
        response = client.post(urls["core:review_decide"], form)
        if response.status_code != 403:
            failures.append(f"the author's own decision {form} → {response.status_code}")
    if business_digest() != before:
        failures.append("the refused POSTs changed business rows")
    assert not failures, "\n".join(failures)


def test_declared_actions_refuse_the_insiders_they_do_not_name(org, client):
    """The actions declared beyond "change" (an organ's briefing, publishing content, judging, recording
    a mentor meeting, resubmitting a reflection) refuse the people who *see* the record but are not the
    ones the rule names: each POST is a 403 or 404 and no business row changes."""
    from datetime import timedelta
    from types import SimpleNamespace

    from django.utils import timezone

    from ideowork.learning.actions.reflections import do_review_reflection, do_submit_reflection
    from ideowork.learning.actions.sessions import do_save_group
    from ideowork.learning.actions.youth import do_create_pair, do_save_contest, do_submit_essay
    from ideowork.outlets.actions.briefings import do_create_issue, do_submit_issue
    from ideowork.outlets.models import Outlet
    from tests.outlets.access_briefings import approve_through, proofreader

    month = timezone.localdate()
    city_series = Outlet.objects.create(org_unit=org.city, name="市委编办工作简报", kind="briefing",
                                        responsible=org.staff)
    county_series = Outlet.objects.create(org_unit=org.county_a, name="甲县编办工作简报", kind="briefing",
                                          responsible=org.county_staff)
    city_issue = do_create_issue(org.staff, city_series, month=month, notes=[("工作动态", "市里的一条。")])
    proofreader(org)
    do_submit_issue(org.staff, city_issue)
    approve_through(city_issue)  # approved: only the permission stands between a POST and publishing it
    county_issue = do_create_issue(org.county_staff, county_series, month=month, notes=[("工作动态", "县里的一条。")])
    now = timezone.now()
    contest = do_save_contest(org.staff, title="青春心向党征文", theme="学习新思想", opens_at=now - timedelta(days=1),
                              closes_at=now + timedelta(days=7), judges=[org.deputy])
    entry = do_submit_essay(org.cadre, contest, title="我心向党", body="正文")
    pair = do_create_pair(org.staff, mentor=org.section_chief, mentee=org.cadre, started_on=month - timedelta(days=30))
    group = do_save_group(org.staff, name="秘书科党支部", kind="branch", org_unit=org.office,
                          secretary=org.section_chief, members=[org.cadre])
    reflection = do_submit_reflection(org.cadre, kind="insight", group=group, title="体会", body="正文")
    do_review_reflection(org.section_chief, reflection, accept=False, comment="请结合本职工作谈体会")
    other_cadre = make_user("cadre_two", Role.CADRE, org.office, "另一干部")
    content = SimpleNamespace(pk=city_issue.content_id)
    form = {"title": "篡改", "body": "x", "kind": "insight", "topic": "篡改", "notes": "x", "score": 90,
            "comment": "x", "date": str(month), "published_at": str(now), "where": "x", "reason": "x", "copies": 3}
    posts = [
        # an organ's briefing is its own staff's: the city office does not edit a county bureau's
        (org.staff, "outlets:briefing_edit", county_issue), (org.staff, "outlets:briefing_submit", county_issue),
        (org.staff, "outlets:briefing_publish", county_issue), (org.cadre, "outlets:briefing_publish", city_issue),
        # publishing needs outlets.publish and ledger.record: the supervisor records the ledger only
        (org.supervisor, "outlets:content_publish", content), (org.supervisor, "outlets:content_withdraw", content),
        (org.cadre, "outlets:content_publish", content),
        # judging is the judges': neither the contest's organiser nor another manager
        (org.staff, "learning:entry_score", entry), (org.section_chief, "learning:entry_score", entry),
        (org.staff, "learning:contest_judge", contest),
        # a meeting is recorded by the pair or a learning manager: not a supervisor, not another cadre
        (org.supervisor, "learning:pair_detail", pair), (other_cadre, "learning:pair_detail", pair),
        # a returned reflection is resubmitted by its author alone, never by its reviewers
        (org.section_chief, "learning:reflection_edit", reflection), (org.staff, "learning:reflection_edit", reflection),
    ]
    for user in {user for user, _, _ in posts}:
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
        client.get("/")  # the day's first visit may earn login points: not a change by the POSTs below
    before = business_digest()
    failures = []
    for user, name, record in posts:
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
        response = client.post(reverse(name, args=[record.pk]), form)
        if response.status_code not in (403, 404):
            failures.append(f"{user.username} POST {name} → {response.status_code}")
    after = business_digest()
    changed = sorted(model for model in before if before[model] != after[model])
    if changed:
        failures.append(f"the refused POSTs changed {', '.join(changed)}")
    assert not failures, "\n".join(failures)


def test_running_a_group_and_changing_proof_rules_refuse_the_insiders_they_do_not_name(org, client):
    """A group's sessions (and its members' leave and make-up study) are run by the learning managers and
    by a secretary who records the ledger; a proofreading rule is changed by its own organ's publicity
    staff (the shipped ones by a top-level organ's). Everyone else who sees them POSTs in vain."""
    from datetime import time

    from django.utils import timezone

    from ideowork.learning.actions.sessions import do_request_leave, do_schedule_session
    from ideowork.learning.models import MakeupStudy, StudyGroup
    from ideowork.outlets.models import ProofRule

    today = timezone.localdate()
    secretary = make_user("cadre_secretary", Role.CADRE, org.office, "干部秘书")  # no ledger.record
    group = StudyGroup.objects.create(name="秘书科党支部", org_unit=org.office, secretary=secretary)
    group.members.set([org.cadre, secretary, org.supervisor])
    session = do_schedule_session(org.staff, group=group, kind="study", title="集中学习", date=today,
                                  start_time=time(9, 0), host="赵专干", agenda=[("学习党章", True, "")])
    leave = do_request_leave(org.cadre, session, "出差")
    makeup = MakeupStudy.objects.create(session=session, user=org.cadre, content="自学", studied_on=today)
    rules = {unit: ProofRule.objects.create(org_unit=unit, category="confusable", pattern=f"错词{i}", suggestion="改")
             for i, unit in enumerate((None, org.city, org.county_a))}
    form = {"title": "篡改", "kind": "study", "date": str(today), "start_time": "10:00", "host": "x", "first_topic": "x",
            "minutes": "篡改", "speaker_name": "x", "content": "x", "member": org.cadre.pk, "leave": leave.pk,
            "decision": "approve", "makeup": makeup.pk, "name": "篡改", "org_unit": org.office.pk,
            "members": [org.cadre.pk], "category": "confusable", "pattern": "篡改", "suggestion": "x",
            "severity": "error", "enabled": "on"}
    session_urls = ["learning:session_edit", "learning:session_close", "learning:session_new_code",
                    "learning:session_mark", "learning:session_minutes", "learning:session_speech",
                    "learning:session_leave_decide", "learning:session_makeup_confirm"]
    posts = [(user, name, session) for user in (secretary, org.supervisor, org.cadre) for name in session_urls]
    posts += [(secretary, "learning:group_edit", group), (org.supervisor, "learning:group_edit", group)]
    posts += [
        # a county bureau's rule is its own; the shipped rules are the top-level organ's
        (org.staff, "outlets:rule_edit", rules[org.county_a]), (org.staff, "outlets:rule_toggle", rules[org.county_a]),
        (org.staff, "outlets:rule_delete", rules[org.county_a]), (org.county_staff, "outlets:rule_toggle", rules[None]),
        (org.county_staff, "outlets:rule_edit", rules[org.city]), (org.other_county_staff, "outlets:rule_toggle",
                                                                    rules[org.county_a]),
        (org.supervisor, "outlets:rule_toggle", rules[org.city]), (org.cadre, "outlets:rule_delete", rules[org.city]),
    ]
    for user in {user for user, _, _ in posts}:
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
        client.get("/")  # the day's first visit may earn login points: not a change by the POSTs below
    before = business_digest()
    failures = []
    for user, name, record in posts:
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
        response = client.post(reverse(name, args=[record.pk]), form)
        if response.status_code not in (403, 404):
            failures.append(f"{user.username} POST {name} → {response.status_code}")
    after = business_digest()
    changed = sorted(model for model in before if before[model] != after[model])
    if changed:
        failures.append(f"the refused POSTs changed {', '.join(changed)}")
    assert not failures, "\n".join(failures)


# --- the menu matches access ---------------------------------------------------------------------
# A cadre's menu, exactly: an entry added for cadres is a conscious decision (and stays short).
CADRE_MENU = ["我的工作", "学习首页", "集中学习", "心得体会", "学习资料", "在线考试", "答题竞赛", "积分排行", "青年理论学习",
              "稿件与审核", "通知中心", "账户安全"]


def test_every_menu_entry_of_every_role_opens_for_it(world, client):
    """Hiding is not permission, but what a role is shown it may open: every entry answers 200 (so no
    page that refuses a role is in its menu)."""
    from ideowork.core.menu import menu_for

    org, _ = world
    failures = []
    for username in ROLE_USERNAMES:
        user = getattr(org, username)
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
        entries = [entry for group in menu_for(user) for entry in group["entries"]]
        assert entries, username
        for entry in entries:
            status = client.get(entry["url"]).status_code
            if status != 200:
                failures.append(f"{username}'s menu entry {entry['label']} ({entry['url']}) → {status}")
    assert not failures, "\n".join(failures)


def test_a_cadres_menu_is_short_and_holds_only_what_a_cadre_uses(org):
    from ideowork.core.menu import menu_for

    labels = [entry["label"] for group in menu_for(org.cadre) for entry in group["entries"]]
    assert labels == CADRE_MENU
    assert len(labels) <= 12
