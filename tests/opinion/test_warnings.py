"""Warnings raised on arrival: by grade, by negative sentiment from given source levels, by a volume
spike, and by hand; similar ones merged in their window so that a burst is a handful of warnings;
acknowledged and closed by the people who handle opinion, every change audited."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from ideowork.core.models import AuditEvent, Notification
from ideowork.opinion.actions.ingest import do_ingest_items
from ideowork.opinion.actions.warning_rules import do_create_warning_rule
from ideowork.opinion.actions.warnings import (TOPICS_PER_WINDOW, do_acknowledge_warning, do_check_spikes,
                                               do_close_warning, do_raise_warning, spike_figures)
from ideowork.opinion.choices import SourceLevel, WarningKind, WarningStatus
from ideowork.opinion.models import Delivery, Warning

from .factories import make_item, make_scheme, make_source, record, register_source
from .warning_builders import arrive, arrive_many, city_watch, event_of, grade_rule

pytestmark = [pytest.mark.django_db, pytest.mark.clock("2026-12-03T10:05")]


def test_an_item_of_the_rules_grade_raises_one_warning_with_its_reason_and_an_in_app_notice(org):
    source, scheme = city_watch(org)
    grade_rule(org, scheme)
    arrive(source, "城管执法冲突视频引发关注", grade="2", sentiment="negative")
    assert not Warning.objects.exists()  # 较大 is below the rule's 重大
    item = arrive(source, "城管执法冲突视频持续发酵", grade="3", sentiment="negative")
    warning = Warning.objects.get()
    assert (warning.kind, warning.grade, warning.item_count, warning.status) == ("grade", "3", 1, "open")
    assert warning.org_unit == org.city and warning.scheme == scheme
    assert "重大及以上" in warning.reason and "城管执法冲突视频持续发酵" in warning.title
    assert list(warning.warning_items.values_list("item_id", flat=True)) == [item.pk]
    notice = Notification.objects.get(recipient=org.staff)
    assert notice.title.startswith("【舆情预警·重大】") and notice.url == f"/opinion/warnings/{warning.pk}/"
    assert AuditEvent.objects.filter(event_type="opinion.warning.raise", subject_id=str(warning.pk)).exists()


def test_negative_items_warn_only_from_the_chosen_source_levels(org):
    _, scheme = city_watch(org)
    forum = make_source(org.city, "本地论坛", level=SourceLevel.FORUM)
    central = make_source(org.city, "央媒", level=SourceLevel.CENTRAL)
    do_create_warning_rule(org.staff, org_unit=org.city, scheme=scheme, name="央媒负面", kind="negative",
                           source_levels=[SourceLevel.CENTRAL, SourceLevel.PROVINCE], channels=["inapp"])
    arrive(forum, "网友吐槽城管", sentiment="negative")
    arrive(central, "城管工作获肯定", sentiment="positive")
    assert not Warning.objects.exists()
    arrive(central, "央媒曝光违建问题", sentiment="negative")
    warning = Warning.objects.get()
    assert warning.kind == WarningKind.NEGATIVE and "中央媒体、省级来源的负面信息" in warning.reason


def test_a_unit_wide_rule_watches_every_scheme_of_its_unit_and_no_other_units(org):
    source, scheme = city_watch(org)
    other = make_scheme(org.city, "生态环境", "污染")
    county_scheme = make_scheme(org.county_a, "甲县城管", "城管")
    grade_rule(org)  # no scheme: all of the city's
    arrive(source, "城管执法引发争议", grade="4")
    arrive(source, "河道污染无人管", grade="3")
    assert sorted(Warning.objects.values_list("scheme__name", flat=True)) == ["城市管理", "生态环境"]
    assert not Warning.objects.filter(scheme__in=[county_scheme]).exists()
    assert other.warnings.get().grade == "3"


def test_similar_items_within_the_window_grow_one_warning_and_send_once(org, travel):
    source, scheme = city_watch(org)
    grade_rule(org, scheme, window_minutes=30)
    arrive(source, "城管执法第一条", grade="3")
    arrive(source, "城管执法第二条", grade="4")
    warning = Warning.objects.get()
    assert (warning.item_count, warning.grade) == (2, "4")
    assert Delivery.objects.filter(warning=warning).count() == 1  # the one in-app notice, not two
    assert Notification.objects.filter(recipient=org.staff).count() == 1
    assert AuditEvent.objects.filter(event_type="opinion.warning.merge").count() == 1
    travel.shift(timedelta(minutes=30))  # the next window: a new warning, sent again
    arrive(source, "城管执法第三条", grade="3")
    assert Warning.objects.count() == 2 and Notification.objects.filter(recipient=org.staff).count() == 2


def test_each_event_is_its_own_warning_until_the_rules_share_then_the_rest_go_into_one(org):
    source, scheme = city_watch(org)
    grade_rule(org, scheme)
    events = [event_of(org.city, f"e{n}", f"第{n}起违建事件") for n in range(TOPICS_PER_WINDOW + 3)]
    for n, event in enumerate(events):
        arrive(source, f"违建事件{n}", grade="3", event=event)
    arrive(source, "违建事件0的转载", grade="3", event=events[0])
    warnings = Warning.objects.order_by("id")
    assert warnings.count() == TOPICS_PER_WINDOW + 1
    assert [w.event for w in warnings[:TOPICS_PER_WINDOW]] == events[:TOPICS_PER_WINDOW]
    assert warnings[0].item_count == 2
    more = warnings.last()
    assert more.title == "城市管理：重大以上舆情（多起）" and more.item_count == 3 and more.event is None


def test_a_burst_of_a_thousand_matching_items_is_a_handful_of_warnings(org):
    source, scheme = city_watch(org)
    grade_rule(org, scheme, channels=["inapp", "email"])
    do_create_warning_rule(org.staff, org_unit=org.city, scheme=scheme, name="负面信息", kind="negative",
                           channels=["inapp"])
    do_create_warning_rule(org.staff, org_unit=org.city, scheme=scheme, name="激增", kind="spike",
                           spike_min_count=50, spike_ratio=3, spike_days=7, channels=["inapp"])
    events = [event_of(org.city, f"e{n}", f"违建事件{n}") for n in range(40)]
    for batch in range(20):
        arrive_many(source, [(f"城管查处违建第{batch}-{n}条", f"第{n}段") for n in range(50)], grade="3",
                    sentiment="negative", event=events[batch * 2 % 40])
    assert Warning.objects.filter(kind="grade").get(event__isnull=True).item_count > 0
    counts = {kind: Warning.objects.filter(kind=kind).count() for kind in ("grade", "negative", "spike")}
    assert counts == {"grade": TOPICS_PER_WINDOW + 1, "negative": TOPICS_PER_WINDOW + 1, "spike": 1}
    assert sum(w.item_count for w in Warning.objects.filter(kind="grade")) == 1000
    assert Warning.objects.get(kind="spike").item_count == 1000
    assert Notification.objects.filter(recipient=org.staff).count() == sum(counts.values())


def test_a_burst_through_the_ingestion_service_raises_one_spike_warning(org):
    source = register_source(org)
    scheme = make_scheme(org.city, "道路改造", "道路")
    do_create_warning_rule(org.staff, org_unit=org.city, scheme=scheme, name="激增", kind="spike",
                           spike_min_count=20, channels=["inapp"])
    for start in range(0, 1000, 250):
        do_ingest_items(org.staff, source, [record(n) for n in range(start, start + 250)])
    warning = Warning.objects.get()
    assert (warning.kind, warning.item_count) == ("spike", 1000)
    assert "一小时命中1000条" in warning.reason


def test_the_spike_rule_compares_this_hour_with_the_same_hour_of_the_previous_days(org, travel):
    source, scheme = city_watch(org)
    do_create_warning_rule(org.staff, org_unit=org.city, scheme=scheme, name="激增", kind="spike",
                           spike_min_count=5, spike_ratio=2, spike_days=3, channels=["inapp"])
    now = timezone.now()
    for days in (1, 2, 3):  # four a day at this hour before: a mean of 4
        for n in range(4):
            make_item_matched(source, f"城管旧闻{days}-{n}", now - timedelta(days=days))
    arrive_many(source, [(f"城管新闻{n}", "") for n in range(7)])
    assert not Warning.objects.exists()  # 7 < 2 × 4
    assert spike_figures(scheme.pk, now.replace(minute=0, second=0, microsecond=0), 3) == (7, 4.0)
    arrive(source, "城管新闻第八条")
    warning = Warning.objects.get()
    assert warning.kind == "spike" and warning.item_count == 8 and "平均4.0条" in warning.reason
    # the hourly check of the hour just ended finds the same warning and counts the hour's total
    travel.shift(timedelta(hours=1))
    assert do_check_spikes() == 1
    assert Warning.objects.count() == 1


def make_item_matched(source, title, when):
    from ideowork.opinion.actions.matching import match_items

    item = make_item(source, title, arrived_at=when)
    match_items([item])
    return item


def test_a_person_raises_a_warning_by_hand_on_an_item_and_on_an_event(org):
    source, scheme = city_watch(org)
    item = arrive(source, "城管违规收费传闻")
    warning = do_raise_warning(org.section_chief, scheme=scheme, item=item, grade="2", note="网传截图需核实")
    assert (warning.kind, warning.grade, warning.raised_by, warning.item_count) == ("manual", "2", org.section_chief, 1)
    assert warning.title == "人工预警：城管违规收费传闻" and "网传截图需核实" in warning.reason
    assert AuditEvent.objects.filter(event_type="opinion.warning.raise", actor=org.section_chief).exists()
    again = do_raise_warning(org.staff, scheme=scheme, item=item, grade="3", note="已扩散")
    assert again == warning and Warning.objects.get().grade == "3"
    event = event_of(org.city, "e1", "违建拆除引发围观")
    on_event = do_raise_warning(org.staff, scheme=scheme, event=event, grade="1", note="关注")
    assert on_event.event == event and on_event.title == "人工预警：违建拆除引发围观"
    with pytest.raises(ValidationError) as refused:
        do_raise_warning(org.staff, scheme=scheme, item=item, grade="2", note=" ")
    assert refused.value.message_dict == {"note": ["请写明预警理由。"]}
    with pytest.raises(PermissionDenied):
        do_raise_warning(org.county_staff, scheme=scheme, item=item, grade="2", note="越权")
    with pytest.raises(PermissionDenied):
        do_raise_warning(org.cadre, scheme=scheme, item=item, grade="2", note="越权")


def test_acknowledge_then_close_by_those_who_handle_opinion_in_its_unit(org):
    source, scheme = city_watch(org)
    grade_rule(org, scheme)
    arrive(source, "城管执法冲突", grade="3")
    warning = Warning.objects.get()
    for outsider in (org.county_staff, org.cadre, org.gov_staff):
        with pytest.raises(PermissionDenied):
            do_acknowledge_warning(outsider, warning)
    warning = do_acknowledge_warning(org.staff, warning)
    assert (warning.status, warning.acknowledged_by) == (WarningStatus.ACKNOWLEDGED, org.staff)
    with pytest.raises(ValidationError):
        do_acknowledge_warning(org.staff, warning)
    warning = do_close_warning(org.principal, warning, "已核实并回应")
    assert (warning.status, warning.close_note) == (WarningStatus.CLOSED, "已核实并回应")
    with pytest.raises(ValidationError):
        do_close_warning(org.staff, warning)
    assert list(AuditEvent.objects.filter(event_type__startswith="opinion.warning.", subject_id=str(warning.pk))
                .order_by("seq").values_list("event_type", flat=True)) == [
        "opinion.warning.raise", "opinion.warning.acknowledge", "opinion.warning.close"]


def test_the_county_sees_its_own_warnings_and_the_city_sees_the_countys(org):
    county_source = make_source(org.county_a, "甲县融媒体")
    county_scheme = make_scheme(org.county_a, "甲县城管", "城管")
    do_create_warning_rule(org.county_staff, org_unit=org.county_a, scheme=county_scheme, name="重大",
                           kind="grade", min_grade="3", channels=["inapp"])
    arrive(county_source, "甲县城管冲突", grade="3")
    warning = Warning.objects.get()
    assert warning.org_unit == org.county_a
    assert list(Warning.objects.visible_to(org.county_staff)) == [warning]
    assert list(Warning.objects.visible_to(org.staff)) == [warning]
    assert not Warning.objects.visible_to(org.other_county_staff).exists()
    assert not Warning.objects.visible_to(org.cadre).exists()
    # no one was named for the county's scheme: its own opinion staff are told, in-app
    assert Notification.objects.filter(recipient=org.county_staff, kind="warning").count() == 1
    assert not Notification.objects.filter(recipient=org.staff, kind="warning").exists()
