"""The warning pages through the test client: rules (form errors in Chinese, nothing saved), recipients
(people and robots, the address shown masked), quiet hours, the warning list and page, acknowledging,
closing, and raising a warning by hand from an item's page."""

import pytest

from ideowork.core.models import AuditEvent
from ideowork.opinion.models import Warning, WarningRecipient, WarningRule, WarningSettings

from .warning_builders import arrive, city_watch, grade_rule

pytestmark = [pytest.mark.django_db, pytest.mark.clock("2026-12-03T10:05")]


def test_a_rule_is_made_on_its_form_and_bad_input_is_refused_in_chinese(org, login):
    _, scheme = city_watch(org)
    client = login(org.staff)
    page = client.get(f"/opinion/warning-rules/new/?scheme={scheme.pk}")
    assert page.status_code == 200 and "信息量激增" in page.content.decode()
    bad = client.post("/opinion/warning-rules/new/", {"name": "重大以上", "scheme": scheme.pk, "kind": "grade",
                                                       "spike_days": 7, "spike_ratio": 3, "spike_min_count": 20,
                                                       "window_minutes": 60})
    text = bad.content.decode()
    assert "按等级预警须选择最低等级。" in text and "请至少选择一个推送渠道。" in text
    assert not WarningRule.objects.exists()
    done = client.post("/opinion/warning-rules/new/", {
        "name": "重大以上", "scheme": scheme.pk, "kind": "grade", "min_grade": "3", "channels": ["inapp", "webhook"],
        "spike_days": 7, "spike_ratio": 3, "spike_min_count": 20, "window_minutes": 60}, follow=True)
    rule = WarningRule.objects.get()
    assert (rule.scheme, rule.min_grade, rule.channels, rule.org_unit) == (scheme, "3", ["inapp", "webhook"], org.city)
    assert "信息等级达到重大及以上" in done.content.decode()
    assert AuditEvent.objects.filter(event_type="opinion.warning_rule.create").count() == 1
    client.post(f"/opinion/warning-rules/{rule.pk}/toggle/")
    assert not WarningRule.objects.get().active
    client.post(f"/opinion/warning-rules/{rule.pk}/delete/")
    assert not WarningRule.objects.exists()


def test_recipients_people_and_robots_with_the_address_masked(org, login):
    _, scheme = city_watch(org)
    client = login(org.section_chief)
    page = client.get(f"/opinion/warning-rules/recipients/{scheme.pk}/")
    assert "赵专干" in page.content.decode()
    bad = client.post(f"/opinion/warning-rules/recipients/{scheme.pk}/", {"add": "webhook", "webhook_kind": "dingtalk",
                                                                    "webhook_url": "ftp://robot"})
    assert "机器人地址应以 https:// 或 http:// 开头。" in bad.content.decode()
    token = "f3a9c2d1e8b74a6f9c0d"
    client.post(f"/opinion/warning-rules/recipients/{scheme.pk}/", {
        "add": "webhook", "webhook_kind": "dingtalk", "label": "舆情工作群",
        "webhook_url": f"https://oapi.dingtalk.com/robot/send?access_token={token}"})
    client.post(f"/opinion/warning-rules/recipients/{scheme.pk}/", {"add": "person", "user": org.principal.pk})
    text = client.get(f"/opinion/warning-rules/recipients/{scheme.pk}/").content.decode()
    assert "舆情工作群" in text and "张主任" in text and token not in text and "f3a9****9c0d" in text
    assert token not in str(list(AuditEvent.objects.values_list("new", flat=True)))
    county = client.post(f"/opinion/warning-rules/recipients/{scheme.pk}/", {"add": "person", "user": org.county_staff.pk})
    assert "有效的选项" in county.content.decode()  # not offered: the county's staff are not the city's
    assert WarningRecipient.objects.filter(scheme=scheme).count() == 3
    endpoint = WarningRecipient.objects.get(webhook_kind="dingtalk")
    client.post(f"/opinion/warning-rules/recipients/remove/{endpoint.pk}/")
    assert WarningRecipient.objects.filter(scheme=scheme).count() == 2


def test_quiet_hours_are_set_on_the_rules_page(org, login):
    client = login(org.staff)
    assert "静默时段" in client.get("/opinion/warning-rules/").content.decode()
    client.post("/opinion/warning-rules/quiet-hours/", {"quiet_enabled": "on", "quiet_start": "21:30", "quiet_end": "06:30"})
    quiet = WarningSettings.objects.get(org_unit=org.city)
    assert (quiet.quiet_start.hour, quiet.quiet_start.minute, quiet.quiet_end.hour) == (21, 30, 6)
    same = client.post("/opinion/warning-rules/quiet-hours/", {"quiet_enabled": "on", "quiet_start": "06:30",
                                                          "quiet_end": "06:30"}, follow=True)
    assert "静默结束时间不能与开始时间相同。" in same.content.decode()


def test_the_list_and_the_warning_page_then_acknowledge_and_close(org, login):
    source, scheme = city_watch(org)
    grade_rule(org, scheme)
    arrive(source, "城管执法冲突视频", grade="3")
    warning = Warning.objects.get()
    client = login(org.deputy)
    listing = client.get("/opinion/warnings/?status=open").content.decode()
    assert "城管执法冲突视频" in listing and "待确认" in listing
    assert "城管执法冲突视频" not in client.get("/opinion/warnings/?status=closed").content.decode()
    page = client.get(f"/opinion/warnings/{warning.pk}/").content.decode()
    assert "站内通知" in page and "赵专干" in page and "已送达" in page and "重大及以上" in page
    client.post(f"/opinion/warnings/{warning.pk}/acknowledge/")
    client.post(f"/opinion/warnings/{warning.pk}/close/", {"note": "已处置完毕"})
    warning.refresh_from_db()
    assert (warning.status, warning.acknowledged_by, warning.closed_by) == ("closed", org.deputy, org.deputy)
    again = client.post(f"/opinion/warnings/{warning.pk}/close/", follow=True)
    assert "该预警已关闭。" in again.content.decode()


def test_a_warning_is_raised_by_hand_from_an_items_page(org, login):
    source, scheme = city_watch(org)
    item = arrive(source, "城管违规收费传闻")
    client = login(org.staff)
    assert f"/opinion/warnings/raise/item/{item.pk}/" in client.get(f"/opinion/items/{item.pk}/").content.decode()
    form = client.get(f"/opinion/warnings/raise/item/{item.pk}/").content.decode()
    assert "城市管理" in form
    empty = client.post(f"/opinion/warnings/raise/item/{item.pk}/", {"scheme": scheme.pk, "grade": "2", "note": ""})
    assert "这个字段是必填项" in empty.content.decode() and not Warning.objects.exists()
    done = client.post(f"/opinion/warnings/raise/item/{item.pk}/", {"scheme": scheme.pk, "grade": "2",
                                                                    "note": "网传截图需核实"}, follow=True)
    warning = Warning.objects.get()
    assert done.redirect_chain[-1][0] == f"/opinion/warnings/{warning.pk}/"
    assert "人工预警：城管违规收费传闻" in done.content.decode()
