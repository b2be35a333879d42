"""Records for the access walk (tests/test_access.py): a city outlet with an inspection under
rectification."""

from ideowork.outlets.actions.outlet_inspections import do_record_inspection

from .outlet_builders import board, days_ago

OUTLET_PAGES = ["outlet_detail", "outlet_edit", "outlet_update", "outlet_inspect", "outlet_flag", "outlet_unflag",
                "outlet_close", "outlet_reopen"]
CITY_RECORD_PAGES = {f"outlets:{name}" for name in OUTLET_PAGES} | {"outlets:inspection_rectify"}


def objects(org) -> dict:
    outlet = board(org, name="机关宣传栏（检查用）")
    inspection = do_record_inspection(org.staff, outlet, date=days_ago(2), result="issues", findings="展板内容陈旧",
                                      rectification="更换展板", rectify_by=days_ago(-10))
    found = {f"outlets:{name}": outlet.pk for name in OUTLET_PAGES}
    found["outlets:inspection_rectify"] = inspection.pk
    return found
