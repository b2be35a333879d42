"""The intake writes items by plain INSERTs (core/inserts.py): what is read back is what the ORM's
bulk_create would have stored, times, JSON and empty values included."""

from datetime import datetime, timedelta, timezone

from ideowork.core.inserts import insert_objects
from ideowork.opinion.models import Item
from tests.opinion.factories import make_source


def test_items_read_back_as_the_orm_stores_them(org):
    source = make_source(org.city)
    moment = datetime(2026, 3, 4, 5, 6, 7, 890000, tzinfo=timezone.utc)

    def item(n, key):
        return Item(source=source, org_unit_id=source.org_unit_id, title=f"标题{n}", text="正文“引号”\n第二段",
                    content_key=f"{key}{n}", url_key=f"{key}{n}" if n else "", published_at=moment if n else None,
                    arrived_at=moment + timedelta(minutes=n), reads=n or None, sentiment="negative",
                    grade="2", analysis={"sentiment_score": -1.5, "grade_reasons": ["转发量较大"], "n": n})

    plain, orm = [item(n, "plain") for n in range(3)], [item(n, "orm") for n in range(3)]
    insert_objects(plain)
    Item.objects.bulk_create(orm)
    fields = [f.attname for f in Item._meta.concrete_fields if f.attname not in ("id", "content_key", "url_key")]
    for mine, theirs in zip(plain, orm):
        stored = Item.objects.get(pk=mine.pk)
        reference = Item.objects.get(pk=theirs.pk)
        assert stored.content_key == mine.content_key and stored.arrived_at == mine.arrived_at
        assert {f: getattr(stored, f) for f in fields} == {f: getattr(reference, f) for f in fields}
