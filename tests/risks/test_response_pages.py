"""The response pages through the test client: lists whose queries do not grow with the data, a
county kept out of the city's records, and bad input refused with a clear message and no change."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from ideowork.core.models import AuditEvent
from ideowork.risks.actions import do_add_task, do_close_task
from ideowork.risks.models import FollowUpTask, Incident
from tests.risks.builders import exported_rows
from tests.risks.response_builders import (make_approved_plan, make_assessment, make_drill, make_incident,
                                           make_meeting)

LISTS = ("risks:assessments", "risks:plans", "risks:incidents", "risks:drills", "risks:meetings")


def add_one_of_each(org, n):
    plan = make_approved_plan(org, title=f"预案{n}")
    make_incident(org, plan)
    make_assessment(org)
    drill = make_drill(org)
    do_add_task(org.staff, drill, text=f"整改{n}", owner=org.staff, deadline=timezone.localdate())
    make_meeting(org)
    make_assessment(org, unit=org.county_a, actor=org.county_staff)


def test_the_lists_queries_do_not_grow_with_the_data(org, client):
    client.force_login(org.principal, backend="django.contrib.auth.backends.ModelBackend")

    def queries(name):
        client.get(reverse(name))  # warm the per-process caches (menu, capabilities)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse(name)).status_code == 200
        return len(captured)

    add_one_of_each(org, 0)
    small = [queries(name) for name in LISTS]
    for n in range(1, 5):
        add_one_of_each(org, n)
    assert [queries(name) for name in LISTS] == small


def test_a_county_reads_none_of_the_citys_response_records(org, client):
    incident, drill, meeting = make_incident(org), make_drill(org), make_meeting(org)
    client.force_login(org.county_staff, backend="django.contrib.auth.backends.ModelBackend")
    for url in (incident.get_absolute_url(), drill.get_absolute_url(), meeting.get_absolute_url(),
                incident.plan.get_absolute_url(), incident.plan_version.get_absolute_url()):
        assert client.get(url).status_code == 404, url
    for name in LISTS:
        assert "网传不实信息" not in client.get(reverse(name)).content.decode()


def test_bad_input_on_the_pages_is_refused_with_a_message_and_changes_nothing(org, client):
    incident, drill = make_incident(org), make_drill(org)
    task = do_add_task(org.staff, drill, text="压缩审核时间", owner=org.staff,
                       deadline=timezone.localdate() + timedelta(days=3))
    client.force_login(org.staff, backend="django.contrib.auth.backends.ModelBackend")
    page = client.post(reverse("risks:task_close", args=[task.pk]), {"result": ""}, follow=True)
    assert "没有完成情况的事项不能销账" in page.content.decode()
    page = client.post(reverse("risks:incident_close", args=[incident.pk]), {"summary": ""}, follow=True)
    assert "没有总结的事件不能结束" in page.content.decode()
    page = client.post(reverse("risks:incident_open", args=[incident.plan.pk]),
                       {"title": "另一事件", "description": "概况", "level": "Ⅱ级响应", "lead": org.principal.pk,
                        "occurred_at": (timezone.localtime() + timedelta(days=1)).strftime("%Y-%m-%dT%H:%M")})
    assert page.status_code == 200 and "发生时间不能晚于现在" in page.content.decode()
    assert FollowUpTask.objects.get().done_on is None
    assert Incident.objects.get().is_open and Incident.objects.count() == 1


@pytest.mark.parametrize(("name", "make", "columns"), [
    ("drills", make_drill, ["序号", "演练名称", "演练日期", "组织单位", "检验预案", "演练场景", "参演人员", "演练评估",
                            "整改事项"]),
    ("meetings", make_meeting, ["序号", "会议名称", "会议类型", "召开日期", "召集单位", "主持人", "参会单位", "参会人员",
                                "会议结论", "落实事项"]),
])
def test_drills_and_meetings_export_as_the_offices_ledger_with_their_tasks(org, client, name, make, columns):
    record = make(org)
    done = do_add_task(org.staff, record, text="完善值班表", owner=org.staff, deadline=timezone.localdate())
    do_close_task(org.staff, done, result="已印发")
    do_add_task(org.staff, record, text="补充联络员", owner=org.section_chief, deadline=timezone.localdate())
    client.force_login(org.staff, backend="django.contrib.auth.backends.ModelBackend")
    assert f'href="{reverse(f"risks:{name}_export")}"' in client.get(reverse(f"risks:{name}")).content.decode()
    header, rows = exported_rows(client.get(reverse(f"risks:{name}_export")))
    assert list(header) == columns
    row = next(r for r in rows if r[1] == record.title)
    assert "完善值班表" in row[-1] and "已完成：已印发" in row[-1] and "补充联络员" in row[-1] and "未完成" in row[-1]
    assert org.staff.name in row[columns.index("参演人员" if name == "drills" else "参会人员")]
    assert AuditEvent.objects.filter(event_type=f"risks.{name[:-1]}.export").exists()
    # A county's staff export their own records only.
    client.force_login(org.county_staff, backend="django.contrib.auth.backends.ModelBackend")
    _header, rows = exported_rows(client.get(reverse(f"risks:{name}_export")))
    assert all(r[1] != record.title for r in rows)
