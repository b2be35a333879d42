"""The users' own word lists: saved with audit and a version, in force on the next item, bad lines named."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from ideowork.core.models import AuditEvent
from ideowork.opinion.actions import lexicon as lexicon_actions
from ideowork.opinion.actions.ingest import do_ingest_items
from ideowork.opinion.actions.lexicon import do_save_word_lists, lexicon_for_unit
from ideowork.opinion.models import Item, WordLists

from .factories import register_source

pytestmark = pytest.mark.django_db

ITEM = {"title": "躺平式办公让人寒心", "text": "群众反映某窗口躺平式办公。"}


def test_the_units_words_apply_to_the_next_item_without_a_restart(org):
    source = register_source(org, unit=org.county_a, name="甲县来源")
    lexicon_for_unit(org.county_a)   # a worker has built it already
    do_ingest_items(org.staff, source, [ITEM])
    first_score = Item.objects.get().analysis["sentiment_score"]
    do_save_word_lists(org.staff, org.city, negative_words="躺平式办公 3", sensitive_words="窗口 作风问题 3")
    do_save_word_lists(org.county_staff, org.county_a, degree_words="让人 2")
    do_ingest_items(org.staff, source, [dict(ITEM, url="https://x.example.cn/2", text=ITEM["text"] + "再次")])
    item = Item.objects.order_by("-pk").first()
    assert item.sentiment == "negative" and item.analysis["sentiment_score"] < first_score
    assert any("作风问题" in r for r in item.analysis["grade_reasons"])
    audit = AuditEvent.objects.filter(event_type="opinion.lexicon.update").order_by("pk").first()
    assert audit.new["negative_words"] == "躺平式办公 3" and audit.old["negative_words"] == ""


def test_a_bad_line_is_named_and_nothing_is_saved(org):
    with pytest.raises(ValidationError) as caught:
        do_save_word_lists(org.staff, org.city, positive_words="好\n满意 9", degree_words="非常 x")
    errors = caught.value.message_dict
    assert "正面词第2行“满意”的数值“9”应为0.1到3之间的数" in errors["positive_words"][0]
    assert "程度词第1行" in errors["degree_words"][0]
    with pytest.raises(ValidationError, match="否定词第1行"):
        do_save_word_lists(org.staff, org.city, negators="不 1")
    assert not WordLists.objects.exists() and not AuditEvent.objects.filter(event_type="opinion.lexicon.update")


def test_only_the_units_monitoring_staff_may_edit(org):
    with pytest.raises(PermissionDenied):
        do_save_word_lists(org.county_staff, org.city, positive_words="好")
    with pytest.raises(PermissionDenied):
        do_save_word_lists(org.cadre, org.office, positive_words="好")


def test_the_nearer_units_entry_wins(org):
    do_save_word_lists(org.staff, org.city, positive_words="办结 2")
    do_save_word_lists(org.county_staff, org.county_a, negative_words="办结 2")
    lexicon_actions._built.clear()
    assert lexicon_for_unit(org.county_a).sentiment["办结"] == -2
    assert lexicon_for_unit(org.city).sentiment["办结"] == 2
