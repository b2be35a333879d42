"""The scheme services: who may write, an expression that must compile (its message on its field,
nothing saved), quoted lines in word groups, the audit trail, and a change reaching the matcher
without a restart."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from ideowork.core.models import AuditEvent
from ideowork.core.versions import read_versions
from ideowork.opinion.actions import matching
from ideowork.opinion.actions.matching import SCHEMES_TOPIC, current_matcher
from ideowork.opinion.actions.schemes import (do_create_scheme, do_delete_scheme, do_set_scheme_active,
                                              do_update_scheme)
from ideowork.opinion.matching import ExpressionError
from ideowork.opinion.models import Scheme
from ideowork.opinion.models.schemes import group_words

pytestmark = pytest.mark.django_db


def flood(org, **extra):
    fields = {"name": "防汛", "region_words": "甲县\n城关镇", "event_words": "暴雨\n洪水", "exclude_words": "演练"}
    return do_create_scheme(org.staff, org_unit=org.city, **{**fields, **extra})


def test_staff_create_a_scheme_audited_and_versioned(org):
    before = read_versions(SCHEMES_TOPIC, [org.city.pk])
    scheme = flood(org)
    assert scheme.active and scheme.created_by == org.staff
    event = AuditEvent.objects.get(event_type="opinion.scheme.create")
    assert event.new["name"] == "防汛" and event.actor_id == org.staff.pk
    assert read_versions(SCHEMES_TOPIC, [org.city.pk]) == ((org.city.pk, before[0][1] + 1),)


def test_an_expression_that_does_not_parse_is_shown_on_its_field_and_nothing_is_saved(org):
    with pytest.raises(ValidationError) as caught:
        flood(org, expression="(暴雨|洪水+转移")
    assert "第10个字符处缺少右括号" in caught.value.message_dict["expression"][0]
    assert not Scheme.objects.exists()
    assert not AuditEvent.objects.filter(event_type__startswith="opinion.scheme").exists()


def test_a_scheme_needs_a_word_and_a_unique_name(org):
    with pytest.raises(ValidationError) as caught:
        do_create_scheme(org.staff, org_unit=org.city, name="空方案")
    assert "至少要有一个检索词" in caught.value.messages[0]
    flood(org)
    with pytest.raises(ValidationError) as caught:
        flood(org)
    assert "已有名为“防汛”" in caught.value.message_dict["name"][0]


def test_a_quoted_line_is_a_phrase_not_a_word_with_quotes(org):
    assert group_words('"COVID-19"\n“防汛 救灾”\n 暴雨 \n\n＂A+B＂') == ["COVID-19", "防汛 救灾", "暴雨", "A+B"]
    with pytest.raises(ExpressionError, match="主体词第2行的引号没有闭合"):
        group_words('编办\n"机构改革', "主体词")
    scheme = flood(org, subject_words='"COVID-19"')
    matcher, _ = current_matcher()
    assert matcher.match("甲县暴雨 covid-19 防控", "") == [scheme.pk]
    assert matcher.match("甲县暴雨 \"COVID-19\"", "") == [scheme.pk]
    assert matcher.match("甲县暴雨 COVID 19", "") == []


def test_outsiders_may_not_write(org):
    scheme = flood(org)
    with pytest.raises(PermissionDenied):
        do_create_scheme(org.county_staff, org_unit=org.city, name="越权", event_words="暴雨")
    for user in (org.county_staff, org.cadre, org.supervisor, org.gov_staff):
        with pytest.raises((PermissionDenied, ValidationError)):
            do_update_scheme(user, scheme, name="篡改")
        with pytest.raises(PermissionDenied):
            do_delete_scheme(user, scheme)
    assert Scheme.objects.get().name == "防汛"


def test_the_city_writes_a_county_scheme_but_not_the_reverse(org):
    county = do_create_scheme(org.county_staff, org_unit=org.county_a, name="甲县防汛", event_words="暴雨")
    do_update_scheme(org.staff, county, description="市里补充说明")
    city = flood(org)
    with pytest.raises(PermissionDenied):
        do_set_scheme_active(org.county_staff, city, False)
    assert set(Scheme.objects.visible_to(org.county_staff)) == {county}
    assert not Scheme.objects.visible_to(org.other_county_staff).exists()
    assert set(Scheme.objects.visible_to(org.staff)) == {county, city}


def test_a_change_takes_effect_without_a_restart(org):
    """The per-process matcher is rebuilt when the revision moves: a fresh current_matcher() after each
    change sees it, as another worker process would on its next item."""
    scheme = flood(org)
    matcher, _ = current_matcher()
    assert matcher.match("甲县暴雨", "") == [scheme.pk]
    do_update_scheme(org.staff, scheme, event_words="山洪")
    matcher, _ = current_matcher()
    assert matcher.match("甲县暴雨", "") == [] and matcher.match("甲县山洪", "") == [scheme.pk]
    do_set_scheme_active(org.staff, scheme, False)
    assert len(current_matcher()[0]) == 0
    do_set_scheme_active(org.staff, scheme, True)
    assert current_matcher()[0].match("甲县山洪", "") == [scheme.pk]
    do_delete_scheme(org.staff, scheme)
    assert len(current_matcher()[0]) == 0
    names = list(AuditEvent.objects.filter(event_type__startswith="opinion.scheme").order_by("pk")
                 .values_list("event_type", flat=True))
    assert names == ["opinion.scheme.create", "opinion.scheme.update", "opinion.scheme.disable",
                     "opinion.scheme.enable", "opinion.scheme.delete"]


def test_another_process_sees_a_change_through_the_revision(org):
    """What another worker holds: a matcher built at an old revision is rebuilt once the revision the
    database holds differs (simulated by keeping the module's cached state across the change)."""
    scheme = flood(org)
    current_matcher()
    stale = matching._current
    do_update_scheme(org.staff, scheme, event_words="山洪")
    matching._current = stale  # as a worker that built its matcher before the change
    assert current_matcher()[0].match("甲县山洪", "") == [scheme.pk]


def test_an_unchanged_save_writes_nothing(org):
    scheme = flood(org)
    do_update_scheme(org.staff, scheme, name="防汛")
    assert not AuditEvent.objects.filter(event_type="opinion.scheme.update").exists()
