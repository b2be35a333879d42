"""Records for the access walk (tests/test_access.py): a placement of the city office."""

from .publicity_builders import record_placement

PLACEMENT_PAGES = ["placement_detail", "placement_edit", "placement_delete"]
CITY_RECORD_PAGES = {f"outlets:{name}" for name in PLACEMENT_PAGES}


def objects(org) -> dict:
    placement = record_placement(org, title="访问检查用的刊发稿件")
    return {f"outlets:{name}": placement.pk for name in PLACEMENT_PAGES}
