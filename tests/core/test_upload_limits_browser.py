"""In a real browser: a cadre uploads a small Word file that would expand to 60 MB to the online
proofreading page and is told, in Chinese, why it was refused; nothing is checked."""

import pytest

from tests.conftest import screenshot
from tests.core.bombs import lying_word

pytestmark = pytest.mark.browser


def test_a_zip_bomb_is_refused_on_the_proofreading_page(org, page_as, tmp_path):
    bomb = tmp_path / "稿件.docx"
    bomb.write_bytes(lying_word(60 * 1024 * 1024))
    page = page_as(org.cadre)
    page.goto("/outlets/proofread/")
    page.set_input_files("#id_file", str(bomb))
    page.locator("main form[method=post] button[type=submit]").first.click()
    page.wait_for_selector("text=可能是恶意构造的文件")
    assert "文件“稿件.docx”无法读取：Word 文档实际解压后超过上限50 MB" in page.inner_text("main")
    assert page.locator("[data-testid=proofread-result]").count() == 0
    screenshot(page, "proofread-zip-bomb")
