"""core/inserts.py: plain multi-row INSERTs give the rows the ORM would, with defaults and keys."""

import pytest
from django.db import IntegrityError, transaction

from ideowork.core.inserts import insert_objects, insert_rows
from ideowork.core.models import Attachment
from tests.reviewapp.models import Memo


def test_insert_rows_writes_the_named_columns_and_the_defaults_of_the_others(org):
    insert_rows(Memo, ["org_unit", "author", "title"],
                [(org.city.pk, org.staff.pk, f"备忘{n}") for n in range(3)])
    memos = list(Memo.objects.order_by("title").values_list("title", "version", "body", "outcome", "owner"))
    assert memos == [(f"备忘{n}", 1, "", "", None) for n in range(3)]


def test_insert_rows_of_nothing_writes_nothing(org):
    insert_rows(Memo, ["org_unit", "author", "title"], [])
    assert not Memo.objects.exists()


def test_insert_objects_sets_the_keys_and_stores_what_the_instances_hold(org):
    memos = [Memo(org_unit=org.city, author=org.staff, owner=org.principal if n else None, title=f"第{n}号",
                  body="正文" * n, version=n + 1) for n in range(120)]  # more than one statement's worth on SQLite
    insert_objects(memos)
    assert all(memo.pk and not memo._state.adding for memo in memos)
    stored = {m.pk: (m.title, m.body, m.version, m.owner_id) for m in Memo.objects.all()}
    assert stored == {m.pk: (m.title, m.body, m.version, m.owner_id) for m in memos}


def test_a_clash_raises_the_integrity_error_and_stores_none_of_the_batch(org):
    from ideowork.learning.models import AttemptQuestion

    with pytest.raises(IntegrityError), transaction.atomic():
        insert_rows(AttemptQuestion, ["attempt", "order", "score", "option_order", "question"],
                    [(10**9, 1, 1, [], 10**9)] * 2)  # one (attempt, question) twice
    assert not AttemptQuestion.objects.exists()


def test_models_whose_times_the_orm_would_set_are_refused(org):
    with pytest.raises(ValueError, match="auto_now"):
        insert_objects([Attachment()])
