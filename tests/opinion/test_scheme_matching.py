"""Matching stored items: each scheme keeps to its reach (its subtree's sources and those of the units
above it, never another county's), a back-run matches one scheme over a date range in batches and
tells the one who asked, and the live test explains an item."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from ideowork.core.models import Notification
from ideowork.opinion.actions.matching import in_reach, match_items
from ideowork.opinion.actions.schemes import do_backrun_scheme, do_create_scheme
from ideowork.opinion.models import Item, ItemMatch
from ideowork.opinion import tasks
from ideowork.opinion.trial import run_trial

from .factories import make_item, make_source

pytestmark = pytest.mark.django_db


def pairs():
    return set(ItemMatch.objects.values_list("scheme__name", "item__title"))


def test_a_scheme_matches_its_subtree_and_the_units_above_never_another_county(org):
    city_news = make_item(make_source(org.city), "全市暴雨预警")
    county_a_news = make_item(make_source(org.county_a), "甲县暴雨转移群众")
    county_b_news = make_item(make_source(org.county_b), "乙县暴雨内涝")
    do_create_scheme(org.staff, org_unit=org.city, name="市防汛", event_words="暴雨")
    do_create_scheme(org.county_staff, org_unit=org.county_a, name="甲县防汛", event_words="暴雨")
    assert match_items(Item.objects.all()) == 5
    assert pairs() == {("市防汛", "全市暴雨预警"), ("市防汛", "甲县暴雨转移群众"), ("市防汛", "乙县暴雨内涝"),
                       ("甲县防汛", "全市暴雨预警"), ("甲县防汛", "甲县暴雨转移群众")}
    assert in_reach(org.county_a.path, org.city.path) and not in_reach(org.county_a.path, org.county_b.path)
    # the match belongs to the scheme's unit: the county sees its own scheme's matches only
    assert {m.item for m in ItemMatch.objects.visible_to(org.county_staff)} == {city_news, county_a_news}
    assert county_b_news not in {m.item for m in ItemMatch.objects.visible_to(org.county_staff)}


def test_matching_twice_records_once_and_scheme_ids_restrict(org):
    source = make_source(org.city)
    make_item(source, "暴雨", "城关镇")
    flood = do_create_scheme(org.staff, org_unit=org.city, name="防汛", event_words="暴雨")
    town = do_create_scheme(org.staff, org_unit=org.city, name="城关镇", region_words="城关镇", active=False)
    match_items(Item.objects.all())
    match_items(Item.objects.all())
    assert pairs() == {("防汛", "暴雨")}
    match_items(Item.objects.all(), scheme_ids=[town.pk])  # a back-run runs a disabled scheme too
    assert pairs() == {("防汛", "暴雨"), ("城关镇", "暴雨")}
    assert ItemMatch.objects.filter(scheme=flood).count() == 1


@pytest.mark.clock("2026-11-20T10:00+08:00")
def test_a_back_run_covers_its_days_in_batches_and_tells_the_one_who_asked(org, monkeypatch,
                                                                           django_capture_on_commit_callbacks):
    monkeypatch.setattr(tasks, "BATCH", 2)
    source = make_source(org.county_a)
    now = timezone.now()
    for days in (0, 1, 5, 29):
        make_item(source, f"{days}天前 暴雨", arrived_at=now - timedelta(days=days))
    make_item(source, "40天前 暴雨", arrived_at=now - timedelta(days=40))
    make_item(make_source(org.county_b), "乙县 暴雨")
    scheme = do_create_scheme(org.staff, org_unit=org.county_a, name="甲县防汛", event_words="暴雨")
    ItemMatch.objects.all().delete()
    today = timezone.localdate()
    with pytest.raises(ValidationError, match="结束日期不能晚于今天"):
        do_backrun_scheme(org.county_staff, scheme, start=today, end=today + timedelta(days=1))
    with pytest.raises(PermissionDenied):
        do_backrun_scheme(org.other_county_staff, scheme)
    assert not Notification.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):  # queued on commit; huey runs it at once in tests
        start, end = do_backrun_scheme(org.county_staff, scheme)
    assert (end - start).days == 29
    assert {m.item.title for m in scheme.matches.all()} == {"0天前 暴雨", "1天前 暴雨", "5天前 暴雨", "29天前 暴雨"}
    note = Notification.objects.get(recipient=org.county_staff)
    assert "回溯完成：检查4条，命中4条" in note.title and note.url.endswith(f"/opinion/schemes/{scheme.pk}/")


def test_the_live_test_lists_what_matched_and_explains_it(org):
    source = make_source(org.city, "市融媒体中心")
    make_item(source, "甲县遭遇暴雨", "城关镇转移群众三百人。")
    make_item(source, "甲县防汛演练", "模拟暴雨情景。")
    make_item(make_source(org.county_b), "乙县暴雨", "乙县的。")  # the city sees it: it is in the city's tree
    trial = run_trial(org.staff, {"region_words": "甲县", "event_words": "暴雨", "exclude_words": "演练"})
    assert trial.ok and trial.tested == 3 and trial.matched_count == 1
    assert trial.explained.title == "甲县遭遇暴雨" and trial.explanation.matched
    words = {word.text: (count, spots) for word, count, spots in trial.snippets}
    assert words["暴雨"][0] == 1 and words["暴雨"][1][0][1] == "暴雨"
    drill = next(item for item in trial.unmatched if item.title == "甲县防汛演练")
    why = run_trial(org.staff, {"region_words": "甲县", "event_words": "暴雨", "exclude_words": "演练"}, drill.pk)
    assert not why.explanation.matched and "演练" in why.explanation.tree.reason
    county = run_trial(org.county_staff, {"event_words": "暴雨"})
    assert county.tested == 0  # the county sees none of the city's or the other county's items


def test_the_live_test_points_at_the_error(org):
    trial = run_trial(org.staff, {"event_words": "暴雨", "expression": "暴雨 转移"})
    assert not trial.ok
    assert "第4个字符处缺少运算符" in trial.errors["expression"]
    assert (trial.pointer.before, trial.pointer.at) == ("暴雨 ", "转")
    trial = run_trial(org.staff, {"subject_words": '"机构改革'})
    assert "主体词第1行的引号没有闭合" in trial.errors["subject_words"]
