"""Records for the access walk (tests/test_access.py): a custom rule of the city office."""

from ideowork.outlets.actions.proofreading import do_save_rule

# A county's or the other organ's staff may neither change nor delete the city's own rule.
CITY_RECORD_PAGES = {"outlets:rule_edit", "outlets:rule_toggle", "outlets:rule_delete", "outlets:rule_reset"}


def objects(org) -> dict:
    rule = do_save_rule(org.staff, None, category="custom", pattern="市委编办专用提法", suggestion="",
                        severity="warning", note="", exceptions="", outdated_after=None, enabled=True)
    return {"outlets:rule_edit": rule.pk, "outlets:rule_toggle": rule.pk, "outlets:rule_delete": rule.pk,
            "outlets:rule_reset": rule.pk}
