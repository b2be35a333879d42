"""Records for the access walk (tests/test_access.py): a city source with one item."""

from ideowork.opinion.actions.ingest import do_ingest_items

from .factories import record, register_source

SOURCE_PAGES = ["source_detail", "source_edit", "source_deactivate", "source_activate", "source_import"]
CITY_RECORD_PAGES = {f"opinion:{name}" for name in SOURCE_PAGES} | {"opinion:item_detail"}


def objects(org) -> dict:
    source = register_source(org, name="市融媒体（检查用）")
    do_ingest_items(org.staff, source, [record(1)])
    found = {f"opinion:{name}": source.pk for name in SOURCE_PAGES}
    found["opinion:item_detail"] = source.items.get().pk
    return found
