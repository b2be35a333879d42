"""Retention: item texts older than the retention period are purged nightly; rows and figures stay."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from ideowork.core.models import AuditEvent
from ideowork.core.system import system_actor
from ideowork.opinion.actions.ingest import do_ingest_items
from ideowork.opinion.actions.retention import do_purge_item_texts
from ideowork.opinion.models import Item
from ideowork.opinion.tasks import purge_item_texts

from .factories import record, register_source

pytestmark = pytest.mark.django_db


def test_old_texts_are_purged_once_and_the_rows_kept(org, travel, settings):
    settings.OPINION_RETENTION_DAYS = 180
    travel("2026-01-05T10:00+08:00")
    source = register_source(org)
    do_ingest_items(org.staff, source, [record(1, reads=500)])
    travel.shift(timedelta(days=100))
    do_ingest_items(org.staff, source, [record(2)])
    travel.shift(timedelta(days=81))
    assert purge_item_texts.call_local() == {"purged": 1}
    old, recent = Item.objects.get(title__contains="第1条"), Item.objects.get(title__contains="第2条")
    assert old.text == "" and old.text_purged_at is not None and old.reads == 500 and old.title
    assert recent.text and recent.text_purged_at is None
    assert do_purge_item_texts(system_actor()) == 0
    event = AuditEvent.objects.get(event_type="opinion.item.purge_text")
    assert event.new["purged"] == 1 and event.new["retention_days"] == 180


def test_only_the_system_actor_purges(org):
    with pytest.raises(PermissionDenied):
        do_purge_item_texts(org.principal, now=timezone.now())
