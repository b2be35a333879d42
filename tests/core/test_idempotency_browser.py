"""A member of staff records an activity, and the browser sends the same form again (a retry after the
connection dropped, a second click): there is still one activity, and the retry lands on its page."""

import pytest

from ideowork.core.idempotency import ALREADY_DONE
from ideowork.ledger.models import Activity
from tests.conftest import screenshot
from tests.ledger.test_ledger_browser import fill_study_session

pytestmark = pytest.mark.browser

# The fields of the form as the browser sends them (files aside), to be sent again.
SENT = "form => [...new FormData(form)].filter(([, value]) => typeof value === 'string')"
# Send them again as the same browser would: a form POST to the same address, which navigates.
RESEND = """([action, fields]) => {
    const form = document.createElement("form");
    form.method = "post";
    form.action = action;
    for (const [name, value] of fields) {
        const input = document.createElement("input");
        input.type = "hidden";
        input.name = name;
        input.value = value;
        form.append(input);
    }
    document.body.append(form);
    form.submit();
}"""


def test_a_create_form_sent_twice_records_one_activity(org, page_as):
    page = page_as(org.staff)
    fill_study_session(page, org)
    form = page.locator("form:has(#id_title)")
    fields = form.evaluate(SENT)
    assert any(name == "idempotency_key" for name, _ in fields)
    page.click("button:has-text('登记')")
    page.wait_for_selector("text=已登记活动")
    detail = page.url
    assert Activity.objects.count() == 1

    page.evaluate(RESEND, ["/ledger/new/", fields])
    page.wait_for_selector(f"text={ALREADY_DONE}")
    assert page.url == detail
    assert "3月份理论学习中心组集中学习" in page.inner_text("main")
    screenshot(page, "idempotent-resend")
    assert Activity.objects.count() == 1

    page.goto("/ledger/")
    page.wait_for_selector(".ledger-table")
    assert page.inner_text(".ledger-table").count("3月份理论学习中心组集中学习") == 1
