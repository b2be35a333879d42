"""Records for the access walk (tests/test_access.py): a city scheme with a warning rule, a recipient,
an event, and a warning raised by hand on one of its items."""

from ideowork.opinion.actions.warning_rules import do_add_warning_recipient
from ideowork.opinion.actions.warnings import do_raise_warning

from .warning_builders import arrive, city_watch, event_of, grade_rule

WARNING_PAGES = ["warning_detail", "warning_acknowledge", "warning_close"]
RULE_PAGES = ["warning_rule_edit", "warning_rule_toggle", "warning_rule_delete"]
CITY_RECORD_PAGES = {f"opinion:{name}" for name in (*WARNING_PAGES, *RULE_PAGES)} | {
    "opinion:warning_recipients", "opinion:warning_recipient_remove", "opinion:warning_raise_item",
    "opinion:warning_raise_event"}


def objects(org) -> dict:
    source, scheme = city_watch(org, expression="检查")
    rule = grade_rule(org, scheme, name="检查用规则")
    endpoint = do_add_warning_recipient(org.staff, scheme, webhook_kind="wecom",
                                        webhook_url="https://gw.example.gov.cn/cgi-bin/webhook/send?key=k-0123456789")
    item = arrive(source, "检查用信息")
    warning = do_raise_warning(org.staff, scheme=scheme, item=item, grade="2", note="检查")
    event = event_of(org.city, "e-check", "检查用事件")
    return {**{f"opinion:{name}": warning.pk for name in WARNING_PAGES},
            **{f"opinion:{name}": rule.pk for name in RULE_PAGES},
            "opinion:warning_recipients": scheme.pk, "opinion:warning_recipient_remove": endpoint.pk,
            "opinion:warning_raise_item": item.pk, "opinion:warning_raise_event": event.pk}
