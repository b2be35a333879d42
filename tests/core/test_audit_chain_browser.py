"""The 审计管理员 checks the audit chain and downloads an archive, in a real browser; a broken link
is shown with its number."""

import pytest
from django.utils import timezone

from ideowork.core.audit import record
from ideowork.core.audit_verify import verify_archive
from ideowork.core.models import AuditEvent
from tests.conftest import PHONE, screenshot

pytestmark = pytest.mark.browser


def test_auditor_verifies_the_chain_and_archives_it(org, page_as, tmp_path):
    events = [record("core.user.update", org.cadre, actor=org.sysadmin, new={"n": n}) for n in range(3)]
    page = page_as(org.auditor)
    page.goto("/audit/")
    page.click("text=审计链校验与归档")
    page.wait_for_selector("[data-testid=audit-chain-state]")
    assert "尚未校验" in page.inner_text("[data-testid=audit-chain-state]")
    page.click("[data-testid=audit-verify]")  # queued (run at once in tests); the page shows the outcome
    assert "已提交校验任务" in page.inner_text(".messages")
    assert "审计链完整" in page.inner_text("[data-testid=audit-chain-message]")
    assert "完整" in page.inner_text("[data-testid=audit-chain-state]")
    screenshot(page, "audit_integrity")

    today = timezone.localdate().isoformat()
    page.fill("input[name=from]", today)
    page.fill("input[name=to]", today)
    with page.expect_download() as info:
        page.click("[data-testid=audit-archive]")
    path = tmp_path / "archive.jsonl"
    info.value.save_as(path)
    assert info.value.suggested_filename.endswith(".jsonl")
    assert verify_archive(path.read_text(encoding="utf-8").splitlines(keepends=True)).ok

    AuditEvent.objects.filter(pk=events[1].pk).update(actor_name="someone")
    page.click("[data-testid=audit-verify]")
    assert f"审计链在第 {events[1].seq} 号处断开" in page.inner_text("[data-testid=audit-chain-message]")
    assert "断链" in page.inner_text("[data-testid=audit-chain-state]")
    screenshot(page, "audit_integrity_broken")


def test_the_chain_page_fits_a_phone(org, page_as):
    page = page_as(org.auditor, viewport=PHONE)
    page.goto("/audit/integrity/")
    page.wait_for_selector("[data-testid=audit-chain-state]")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")
    screenshot(page, "audit_integrity_phone")
