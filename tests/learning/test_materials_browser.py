"""Materials and courses in a real browser: an admin uploads a video and builds a course; a cadre
plays it, seeks in it, and the page's own heartbeats earn verified study time."""

import time

import pytest

from ideowork.learning.actions.materials import do_save_topic
from ideowork.learning.models import Course, Material, StudyProgress
from ideowork.learning.models.points import PointsEntry
from tests.conftest import screenshot

from .browser import save_form, submit
from .test_materials import FILES, make_article

pytestmark = pytest.mark.browser


def until(page, expression: str, timeout: float = 20) -> None:
    """Poll ``expression`` in the page until it is true (the site's CSP forbids wait_for_function's eval)."""
    deadline = time.monotonic() + timeout
    while not page.evaluate(f"() => Boolean({expression})"):
        assert time.monotonic() < deadline, f"still false after {timeout} s: {expression}"
        page.wait_for_timeout(200)


def test_admin_uploads_a_video_and_builds_a_course_a_cadre_studies_it(org, page_as, settings):
    # The page's clock is sped up (data attribute via ?beat_ms) and so is the server's floor.
    settings.LEARNING_HEARTBEAT_MIN_SECONDS = 1
    topic = do_save_topic(org.staff, title="学习贯彻党的二十大精神", description="围绕二十大报告开展专题学习。")
    make_article(org.staff, title="二十大报告学习辅导", body="全面建设社会主义现代化国家。" * 40, topic=topic)

    admin = page_as(org.staff)
    admin.goto("/learning/materials/new/")
    admin.select_option("#id_kind", "video")
    assert admin.locator(".field-body").is_hidden()
    admin.fill("#id_title", "二十大精神专题讲座")
    admin.select_option("#id_topic", str(topic.pk))
    admin.fill("#id_summary", "市委党校专家解读党的二十大精神。")
    admin.set_input_files("#id_upload", str(FILES / "tiny.webm"))
    until(admin, "document.querySelector('#id_duration').value === '0:03'")  # read from the file
    save_form(admin, "materials-upload-form", "已发布学习资料")
    video = Material.objects.get(kind="video")
    assert video.duration_seconds == 3 and video.attachment.kind == "webm"

    admin.goto("/learning/courses/new/")
    admin.fill("#id_title", "二十大精神系列课")
    admin.select_option("#id_topic", str(topic.pk))
    admin.fill("#id_description", "两课时：先读报告辅导，再看专题讲座。")
    submit(admin)
    admin.wait_for_selector("text=请添加课时")
    for title in ("二十大精神专题讲座", "二十大报告学习辅导"):
        admin.select_option("select[name=material]", label=f"［{'视频' if '讲座' in title else '文章'}］{title}")
        admin.click("text=添加到课程末尾")
        admin.wait_for_selector(f"text=已添加课时“{title}”")
    admin.locator("table.lessons tbody tr").nth(1).locator("button[title=上移]").click()
    admin.wait_for_load_state()
    first = admin.locator("table.lessons tbody tr").first.inner_text()
    assert "二十大报告学习辅导" in first
    screenshot(admin, "materials-course-admin")
    course = Course.objects.get()

    cadre = page_as(org.county_staff)  # a county cadre: the city's course reaches them
    cadre.goto(f"/learning/courses/{course.pk}/")
    assert "已完成 0 / 2 课时" in cadre.inner_text("[data-testid=course-progress]")
    screenshot(cadre, "materials-course-learner")
    cadre.goto(f"/learning/materials/{video.pk}/?course={course.pk}&beat_ms=1500")
    until(cadre, "document.getElementById('player').readyState >= 1")
    duration = cadre.evaluate("document.getElementById('player').duration")
    assert 2.5 < duration < 3.5
    cadre.evaluate("(() => { const p = document.getElementById('player'); p.muted = true; return p.play(); })()")
    until(cadre, "document.getElementById('player').currentTime > 0")
    # Seeking needs byte ranges from the server.
    cadre.evaluate("document.getElementById('player').currentTime = 2")
    until(cadre, "document.getElementById('player').currentTime >= 2")
    cadre.mouse.move(200, 300)
    cadre.evaluate("(() => { const p = document.getElementById('player'); p.loop = true; return p.play(); })()")
    until(cadre, "parseInt(document.getElementById('study-seconds').textContent, 10) >= 3", timeout=30)
    assert cadre.inner_text("[data-testid=study-state]") == "已完成"
    screenshot(cadre, "materials-video-player")
    progress = StudyProgress.objects.get(user=org.county_staff, material=video)
    assert progress.completed_at is not None and 3 <= progress.seconds <= video.credit_cap_seconds
    assert PointsEntry.objects.filter(user=org.county_staff, action="view", ref=f"material:{video.pk}").exists()

    cadre.goto("/learning/materials/")
    assert "已完成" in cadre.inner_text("[data-testid=material-row]:has-text('二十大精神专题讲座')")
    screenshot(cadre, "materials-list")
    cadre.goto("/learning/topics/")
    screenshot(cadre, "materials-topics")
    cadre.goto(f"/learning/topics/{topic.pk}/")
    screenshot(cadre, "materials-topic-detail")

    admin = page_as(org.staff)  # signing the cadre in ended the first admin session
    admin.goto("/learning/materials/overview/")
    assert "甲县委编办" in admin.inner_text("main")
    screenshot(admin, "materials-study-overview")
    admin.goto(f"/learning/materials/{video.pk}/progress/")
    assert org.county_staff.name in admin.inner_text("main")
    screenshot(admin, "materials-progress")
    admin.goto(f"/learning/courses/{course.pk}/progress/")
    assert org.county_staff.name in admin.inner_text("main")
    screenshot(admin, "materials-course-progress")


def test_a_hidden_page_sends_no_credit_and_an_article_reads(org, page_as, settings):
    settings.LEARNING_HEARTBEAT_MIN_SECONDS = 1
    article = make_article(org.staff, title="学习辅导", body="学习新思想。" * 100)
    page = page_as(org.cadre)
    page.goto(f"/learning/materials/{article.pk}/?beat_ms=1200")
    page.mouse.move(100, 100)
    until(page, "parseInt(document.getElementById('study-seconds').textContent, 10) > 0")
    screenshot(page, "materials-article")
    # Hidden: the page pauses the clock and stops sending.
    page.evaluate("""() => {
        Object.defineProperty(document, 'visibilityState', {value: 'hidden', configurable: true});
        document.dispatchEvent(new Event('visibilitychange'));
    }""")
    page.wait_for_timeout(800)
    assert StudyProgress.objects.get(user=org.cadre, material=article).last_beat_at is None
    seconds = StudyProgress.objects.get(user=org.cadre, material=article).seconds
    page.wait_for_timeout(2500)
    assert StudyProgress.objects.get(user=org.cadre, material=article).seconds == seconds


def test_wrong_file_type_is_refused_in_chinese(org, page_as, tmp_path):
    fake = tmp_path / "讲座.webm"
    fake.write_text("这不是视频文件", encoding="utf-8")
    page = page_as(org.staff)
    page.goto("/learning/materials/new/")
    page.select_option("#id_kind", "video")
    page.fill("#id_title", "伪装的视频")
    page.fill("#id_duration", "1:00")
    page.set_input_files("#id_upload", str(fake))
    submit(page)
    page.wait_for_selector("text=内容与扩展名不符")
    screenshot(page, "materials-upload-refused")
    assert not Material.objects.exists()


def test_an_oversized_file_is_refused_as_soon_as_it_is_chosen(org, page_as, monkeypatch):
    """The form knows the limit: a 2 GB video is refused in the browser before any upload starts
    (the server refuses it again from the request's declared length, see test_materials)."""
    import ideowork.learning.views.materials.manage as views

    monkeypatch.setattr(views, "MEDIA_MAX_BYTES", 1000)  # the tiny fixture stands in for a 2 GB file
    page = page_as(org.staff)
    page.goto("/learning/materials/new/")
    page.select_option("#id_kind", "video")
    page.set_input_files("#id_upload", str(FILES / "tiny.webm"))
    page.wait_for_selector("text=超过上限")
    assert "请压缩后再上传" in page.inner_text(".upload-error")
    assert page.evaluate("() => document.querySelector('#id_upload').files.length") == 0
    screenshot(page, "materials-upload-too-large")
