"""A create form sent twice creates one record: the second POST with the same key goes to the first's
result. Keys are per user, released when the form comes back with errors, recorded in the transaction of
the record, and forgotten after a day."""

from __future__ import annotations

import re
import uuid
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from ideowork.core import idempotency
from ideowork.core.idempotency import ALREADY_DONE, FIELD, forget_old_keys
from ideowork.core.models import IdempotencyKey
from ideowork.learning.actions.sessions import do_save_group
from ideowork.learning.models import Reflection
from ideowork.ledger.views import activities as activity_views
from ideowork.ledger.models import Activity
from ideowork.outlets.models import ContentItem
from ideowork.plans.models import WorkPlan
from tests.plans._helpers import SEED_000, form_data

pytestmark = pytest.mark.django_db


def activity(org, key, **overrides):
    data = {"org_unit": org.office.pk, "kind": "study", "date": "2026-03-10", "title": "3月份集中学习研讨",
            "place": "三楼会议室", "host": "张主任", "summary": "学习。", "participants": [org.staff.pk],
            "extra_participants": "0", "item": "", "targets": [], FIELD: str(key)}
    data.update(overrides)
    return data


def rendered_key(html: str) -> str:
    return re.search(rf'name="{FIELD}" value="([0-9a-f-]{{36}})"', html).group(1)


def test_every_rendering_of_a_create_form_carries_a_new_key(org, login):
    client = login(org.staff)
    first, second = (rendered_key(client.get(reverse("ledger:create")).content.decode()) for _ in range(2))
    assert first != second
    for url in (reverse("outlets:content_create"), reverse("learning:reflection_create"),
                reverse("learning:question_create"), reverse("outlets:outlet_create")):
        assert rendered_key(client.get(url).content.decode())


def test_an_activity_sent_twice_is_recorded_once(org, login):
    client = login(org.staff)
    key = uuid.uuid4()
    first = client.post(reverse("ledger:create"), activity(org, key))
    record = Activity.objects.get()
    assert first.status_code == 302 and first["Location"] == reverse("ledger:detail", args=[record.pk])
    again = client.post(reverse("ledger:create"), activity(org, key), follow=True)
    assert Activity.objects.count() == 1
    assert again.redirect_chain == [(reverse("ledger:detail", args=[record.pk]), 302)]
    assert ALREADY_DONE in again.content.decode()
    stored = IdempotencyKey.objects.get()
    assert (stored.user, stored.key, stored.result_url) == (org.staff, key, first["Location"])
    client.post(reverse("ledger:create"), activity(org, uuid.uuid4()))
    assert Activity.objects.count() == 2  # a new rendering of the form is a new record


def test_a_content_item_sent_twice_is_written_once_and_keys_are_per_user(org, login):
    key = uuid.uuid4()
    data = {"kind": "article", "title": "学习全会精神", "body": "正文。", FIELD: str(key)}
    client = login(org.cadre)
    first = client.post(reverse("outlets:content_create"), data)
    again = client.post(reverse("outlets:content_create"), data)
    assert ContentItem.objects.count() == 1 and again["Location"] == first["Location"]
    login(org.staff).post(reverse("outlets:content_create"), data)
    assert ContentItem.objects.filter(author=org.staff).count() == 1  # another user's key is theirs


def test_a_reflection_sent_twice_is_submitted_once(org, login):
    group = do_save_group(org.staff, name="秘书科党支部", kind="branch", org_unit=org.office,
                          secretary=org.section_chief, members=[org.cadre, org.section_chief, org.staff])
    data = {"kind": "insight", "group": group.pk, "title": "网页提交", "body": "内容", FIELD: str(uuid.uuid4())}
    client = login(org.cadre)
    assert client.post(reverse("learning:reflection_create"), data).status_code == 302
    assert client.post(reverse("learning:reflection_create"), data).status_code == 302
    assert Reflection.objects.count() == 1


def test_an_imported_plan_saved_twice_is_saved_once(org, login):
    client = login(org.staff)
    preview = client.post("/plans/import/", {"text": SEED_000.read_text(encoding="utf-8"), "org_unit": org.city.pk},
                          follow=True)
    url, html = preview.redirect_chain[-1][0], preview.content.decode()
    save = form_data(html, action="save")
    assert FIELD in save  # the preview form carries its key, as a browser sends it
    first = client.post(url, save)
    again = client.post(url, save)  # the draft is gone: without the key this would be a 404
    plan = WorkPlan.objects.get()
    assert first["Location"] == again["Location"] == f"/plans/{plan.pk}/"


def test_a_form_with_errors_releases_its_key(org, login):
    client = login(org.staff)
    key = uuid.uuid4()
    refused = client.post(reverse("ledger:create"), activity(org, key, title=""))
    assert refused.status_code == 200 and not IdempotencyKey.objects.exists()
    assert client.post(reverse("ledger:create"), activity(org, key)).status_code == 302
    assert Activity.objects.count() == 1


def test_the_key_is_kept_only_with_the_record(org, login, monkeypatch):
    """The view fails after the service wrote: the record and the key roll back together."""
    def fail(*args, **kwargs):
        raise RuntimeError("connection lost")

    monkeypatch.setattr(activity_views.messages, "success", fail)
    client = login(org.staff)
    key = uuid.uuid4()
    with pytest.raises(RuntimeError):
        client.post(reverse("ledger:create"), activity(org, key))
    assert not Activity.objects.exists() and not IdempotencyKey.objects.exists()
    monkeypatch.undo()
    assert client.post(reverse("ledger:create"), activity(org, key)).status_code == 302
    assert Activity.objects.count() == 1


def test_a_key_older_than_a_day_is_forgotten(org, login):
    client = login(org.staff)
    key = uuid.uuid4()
    client.post(reverse("ledger:create"), activity(org, key))
    IdempotencyKey.objects.update(created_at=timezone.now() - idempotency.KEEP - timedelta(minutes=1))
    client.post(reverse("ledger:create"), activity(org, key))
    assert Activity.objects.count() == 2
    IdempotencyKey.objects.update(created_at=timezone.now() - idempotency.KEEP - timedelta(minutes=1))
    assert forget_old_keys() == 1 and not IdempotencyKey.objects.exists()


def test_posts_without_a_key_are_served_as_before(org, login):
    client = login(org.staff)
    data = activity(org, "")
    client.post(reverse("ledger:create"), data)
    client.post(reverse("ledger:create"), data)
    assert Activity.objects.count() == 2 and not IdempotencyKey.objects.exists()


def test_evidence_a_match_and_a_review_flow_sent_twice_are_created_once(org, login):
    """The create forms issue 10 found without a key: evidence uploads, 发起对战, 新建审核流程."""
    from ideowork.core.models import ReviewFlow
    from ideowork.ledger.actions import do_record_activity
    from ideowork.ledger.models import Evidence
    from ideowork.learning.models import Match
    from tests.learning.test_quizzes import make_questions
    from tests.ledger.files import photo

    client = login(org.staff)
    record = do_record_activity(org.staff, org_unit=org.office, kind="study", title="集中学习",
                                date=timezone.localdate(), participants=[org.cadre])
    page = client.get(reverse("ledger:detail", args=[record.pk])).content.decode()
    key = rendered_key(page[page.index('class="evidence-add"'):])
    for _ in range(2):
        response = client.post(reverse("ledger:evidence_add", args=[record.pk]),
                               {"files": photo(), "caption": "现场", FIELD: key})
        assert response.status_code == 302
    assert Evidence.objects.filter(activity=record).count() == 1

    make_questions(org.city)
    lobby = client.get(reverse("learning:match_lobby")).content.decode()
    key = rendered_key(lobby)
    first = client.post(reverse("learning:match_create"), {"size": "2", FIELD: key})
    again = client.post(reverse("learning:match_create"), {"size": "2", FIELD: key})
    assert Match.objects.count() == 1 and first["Location"] == again["Location"]

    form = client.get(reverse("core:review_flow_create")).content.decode()
    data = {"name": "简易流程", "description": "", "steps-TOTAL_FORMS": "1", "steps-INITIAL_FORMS": "0",
            "steps-MIN_NUM_FORMS": "0", "steps-MAX_NUM_FORMS": "9", "steps-0-name": "审核", "steps-0-kind": "review",
            "steps-0-role": "head", "steps-0-due_days": "2", FIELD: rendered_key(form)}
    for _ in range(2):
        assert client.post(reverse("core:review_flow_create"), data).status_code == 302
    assert ReviewFlow.objects.filter(name="简易流程").count() == 1
