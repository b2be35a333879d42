"""Materials, topics and courses: uploads checked by content and size, files served with byte
ranges to those who may see them, study time credited by the server only, points on completion."""

import io
import wave
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from ideowork.learning.actions.materials import (do_add_course_item, do_create_material, do_heartbeat,
                                                 do_move_course_item, do_remove_course_item, do_save_course,
                                                 do_save_topic, required_seconds_for)
from ideowork.learning.models import CourseItem, Material, StudyProgress
from ideowork.learning.models.points import PointsEntry

FILES = Path(__file__).parent / "files"


def video_upload(name="讲座.webm"):
    return SimpleUploadedFile(name, (FILES / "tiny.webm").read_bytes(), "video/webm")


def wav_bytes(seconds=1) -> bytes:
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as w:
        w.setnchannels(1), w.setsampwidth(1), w.setframerate(8000)
        w.writeframes(b"\x80" * 8000 * seconds)
    return buffer.getvalue()


def make_video(user, title="党的二十大精神解读", duration=600, **extra):
    return do_create_material(user, kind="video", title=title, upload=video_upload(), duration_seconds=duration,
                              **extra)


def make_article(user, title="学习贯彻新思想", body="学习" * 600, **extra):
    return do_create_material(user, kind="article", title=title, body=body, **extra)


# --- uploads ------------------------------------------------------------------------------------

def test_video_upload_is_stored_and_timed(org):
    video = make_video(org.staff, duration=200)
    assert video.attachment.kind == "webm" and video.org_unit == org.city
    assert video.required_seconds == 180  # 90 % of the recording
    assert video.credit_cap_seconds == 240


def test_article_reading_time_follows_its_length_within_bounds(org):
    assert required_seconds_for("article", body="字" * 300) == 60
    assert required_seconds_for("article", body="短") == 30
    assert required_seconds_for("article", body="字" * 30000) == 300
    assert required_seconds_for("article", body="x", requested=600) == 600
    assert required_seconds_for("pdf") == 180


@pytest.mark.parametrize("name, content, message", [
    ("讲座.mp4", b"this is not a video at all", "内容与扩展名不符"),
    ("讲座.exe", b"MZ\x90\x00", "类型不受支持"),
    ("讲座.avi", b"RIFF\x00\x00\x00\x00AVI LIST", "类型不受支持"),
])
def test_wrong_video_files_are_refused_and_nothing_is_stored(org, name, content, message):
    with pytest.raises(ValidationError) as exc:
        do_create_material(org.staff, kind="video", title="讲座", duration_seconds=60,
                           upload=SimpleUploadedFile(name, content))
    assert message in str(exc.value)
    assert not Material.objects.exists()


def test_audio_wav_and_mp4_are_recognised(org):
    audio = do_create_material(org.staff, kind="audio", title="广播", duration_seconds=1,
                               upload=SimpleUploadedFile("广播.wav", wav_bytes()))
    assert audio.attachment.kind == "wav"
    mp4 = do_create_material(org.staff, kind="video", title="短片", duration_seconds=3,
                             upload=SimpleUploadedFile("短片.mp4", (FILES / "tiny.mp4").read_bytes()))
    assert mp4.attachment.kind == "mp4"


def test_media_needs_a_duration_and_an_article_a_body(org):
    with pytest.raises(ValidationError, match="时长"):
        do_create_material(org.staff, kind="video", title="讲座", upload=video_upload())
    with pytest.raises(ValidationError, match="正文"):
        do_create_material(org.staff, kind="article", title="空文章", body="  ")


def test_only_learning_admins_publish(org):
    with pytest.raises(PermissionDenied):
        make_article(org.cadre)
    with pytest.raises(PermissionDenied):
        make_article(org.supervisor)


def test_a_two_gigabyte_upload_is_refused_before_the_body_is_read(org, login):
    client = login(org.staff)
    # The declared length alone decides: the body the test client sends is never read.
    response = client.post(reverse("learning:material_create"), {"kind": "video", "title": "大视频"},
                           CONTENT_LENGTH=str(2 * 1024 ** 3))
    assert response.status_code == 413
    text = response.content.decode()
    assert "上传的文件过大（约2048.0 MB）" in text and "不能超过500.0 MB" in text
    assert not Material.objects.exists()


def test_upload_handler_stops_a_file_over_the_limit(org, login, monkeypatch):
    import ideowork.learning.views.materials.manage as views

    monkeypatch.setattr(views, "MEDIA_MAX_BYTES", 500)
    client = login(org.staff)
    response = client.post(reverse("learning:material_create"),
                           {"kind": "video", "title": "讲座", "duration": "0:03", "upload": video_upload()})
    assert response.status_code == 200
    assert "上传的文件过大" in response.content.decode()
    assert not Material.objects.exists()


def test_upload_through_the_page(org, login):
    client = login(org.staff)
    response = client.post(reverse("learning:material_create"),
                           {"kind": "video", "title": "讲座", "duration": "10:00", "upload": video_upload()})
    material = Material.objects.get()
    assert response.status_code == 302 and material.duration_seconds == 600
    response = client.post(reverse("learning:material_create"),
                           {"kind": "video", "title": "改名文件", "duration": "1:00",
                            "upload": SimpleUploadedFile("假视频.webm", "这是文字".encode())})
    assert "内容与扩展名不符" in response.content.decode()
    assert Material.objects.count() == 1


# --- serving files ------------------------------------------------------------------------------

def test_file_is_served_whole_and_in_ranges(org, login):
    video = make_video(org.staff)
    data = (FILES / "tiny.webm").read_bytes()
    client = login(org.cadre)
    url = reverse("learning:material_file", args=[video.pk])

    whole = client.get(url)
    assert whole.status_code == 200 and whole["Accept-Ranges"] == "bytes"
    assert whole["Content-Type"] == "video/webm" and b"".join(whole.streaming_content) == data

    part = client.get(url, HTTP_RANGE="bytes=0-99")
    assert part.status_code == 206 and part["Content-Range"] == f"bytes 0-99/{len(data)}"
    assert part["Content-Length"] == "100" and b"".join(part.streaming_content) == data[:100]

    tail = client.get(url, HTTP_RANGE="bytes=1000-")
    assert tail.status_code == 206 and b"".join(tail.streaming_content) == data[1000:]

    suffix = client.get(url, HTTP_RANGE="bytes=-50")
    assert suffix["Content-Range"] == f"bytes {len(data) - 50}-{len(data) - 1}/{len(data)}"
    assert b"".join(suffix.streaming_content) == data[-50:]

    past_end = client.get(url, HTTP_RANGE="bytes=0-999999")
    assert past_end.status_code == 206 and b"".join(past_end.streaming_content) == data

    for bad in (f"bytes={len(data)}-", "bytes=50-10", "bytes=-0", "items=0-10"):
        refused = client.get(url, HTTP_RANGE=bad)
        assert refused.status_code == 416, bad
        assert refused["Content-Range"] == f"bytes */{len(data)}"


def test_files_reach_the_units_below_and_nobody_else(org, login):
    video = make_video(org.staff)
    url = reverse("learning:material_file", args=[video.pk])
    assert login(org.county_staff).get(url).status_code == 200  # published down to the counties
    assert login(org.gov_staff).get(url).status_code == 404
    assert login(org.auditor).get(url).status_code in (403, 404)
    county = make_video(org.county_staff, title="县里的视频")
    assert login(org.other_county_staff).get(reverse("learning:material_file", args=[county.pk])).status_code == 404


# --- verified study time -----------------------------------------------------------------------

def beats(user, material, start, offsets, **flags):
    """Heartbeats at ``start`` + each offset (seconds); returns what each credited."""
    flags = {"visible": True, "active": True, **flags}
    return [do_heartbeat(user, material, now=start + timedelta(seconds=s), **flags).credited for s in offsets]


def test_only_real_elapsed_time_between_heartbeats_counts(org):
    video = make_video(org.staff, duration=600)
    t0 = timezone.now()
    # First beat starts the clock; 15 s later 15 s; a beat 3 s later is too fast; a 40 s gap pays
    # at most 30 s; after a gap of minutes (page hidden, no pause beat arrived) the clock restarts.
    assert beats(org.cadre, video, t0, [0, 15, 18, 31, 71, 300, 315]) == [0, 15, 0, 16, 30, 0, 15]
    assert StudyProgress.objects.get(user=org.cadre, material=video).seconds == 76


def test_hidden_or_idle_pages_earn_nothing(org):
    article = make_article(org.staff)
    t0 = timezone.now()
    assert beats(org.cadre, article, t0, [0, 15]) == [0, 15]
    assert beats(org.cadre, article, t0, [20], visible=False) == [0]  # the pause stops the clock
    assert beats(org.cadre, article, t0, [30, 45]) == [0, 15]
    assert beats(org.cadre, article, t0, [60, 75], active=False) == [0, 0]
    assert StudyProgress.objects.get(user=org.cadre).seconds == 30


def test_one_material_at_a_time(org):
    first, second = make_article(org.staff, title="一"), make_article(org.staff, title="二")
    t0 = timezone.now()
    beats(org.cadre, first, t0, [0, 15])
    # A second visible tab cannot double the time: the two take the clock from each other.
    assert beats(org.cadre, second, t0, [20]) == [0]
    assert beats(org.cadre, first, t0, [30]) == [0]
    assert beats(org.cadre, second, t0, [35]) == [0]
    assert beats(org.cadre, second, t0, [50]) == [15]  # the first tab went quiet


def test_video_credit_never_exceeds_its_length_and_completes_at_ninety_percent(org):
    video = make_video(org.staff, duration=100)
    t0 = timezone.now()
    offsets = [i * 15 for i in range(20)]
    credited = beats(org.cadre, video, t0, offsets)
    progress = StudyProgress.objects.get(user=org.cadre, material=video)
    assert progress.seconds == 120 == sum(credited)  # 100 s × 1.2
    assert progress.completed_at == t0 + timedelta(seconds=90)  # 90 s of 100 s
    entry = PointsEntry.objects.get(user=org.cadre, ref=f"material:{video.pk}")
    assert entry.action == "view"


def test_reading_an_article_earns_read_points_once(org):
    article = make_article(org.staff, body="字" * 300)  # 60 s
    t0 = timezone.now()
    beats(org.cadre, article, t0, [0, 15, 30, 45, 60, 75, 90])
    assert PointsEntry.objects.filter(user=org.cadre, action="read", ref=f"material:{article.pk}").count() == 1


def test_completing_every_lesson_completes_the_course(org):
    a, b = make_article(org.staff, title="第一讲", body="字" * 150), make_article(org.staff, title="第二讲", body="字" * 150)
    course = do_save_course(org.staff, title="新思想专题课")
    do_add_course_item(org.staff, course, a)
    do_add_course_item(org.staff, course, b)
    t0 = timezone.now()
    beats(org.county_staff, a, t0, [0, 15, 30])
    assert not PointsEntry.objects.filter(user=org.county_staff, action="course").exists()
    beats(org.county_staff, b, t0, [60, 75, 90])
    assert PointsEntry.objects.filter(user=org.county_staff, action="course", ref=f"course:{course.pk}").exists()


def test_heartbeat_endpoint(org, login):
    article = make_article(org.staff)
    client = login(org.cadre)
    url = reverse("learning:material_heartbeat", args=[article.pk])
    data = client.post(url, {"visible": "1", "active": "1"}).json()
    assert data["credited"] == 0 and data["note"] == "started" and data["required"] == article.required_seconds
    assert client.post(url, {"visible": "1", "active": "1"}).json()["note"] == "too_fast"
    assert client.get(url).status_code == 405
    assert login(org.gov_staff).post(url, {"visible": "1", "active": "1"}).status_code == 404


# --- topics and courses ------------------------------------------------------------------------

def test_course_lessons_keep_their_order(org):
    topic = do_save_topic(org.staff, title="学习贯彻党的二十大精神")
    course = do_save_course(org.staff, title="二十大精神系列课", topic=topic)
    one, two, three = (make_article(org.staff, title=t) for t in ("一", "二", "三"))
    for m in (one, two, three):
        do_add_course_item(org.staff, course, m)
    with pytest.raises(ValidationError, match="已在课程中"):
        do_add_course_item(org.staff, course, one)

    def order():
        return [i.material.title for i in CourseItem.objects.filter(course=course)]

    assert order() == ["一", "二", "三"]
    do_move_course_item(org.staff, CourseItem.objects.get(course=course, material=three), "up")
    assert order() == ["一", "三", "二"]
    do_move_course_item(org.staff, CourseItem.objects.get(course=course, material=one), "up")  # already first
    do_remove_course_item(org.staff, CourseItem.objects.get(course=course, material=three))
    assert order() == ["一", "二"]
    assert list(CourseItem.objects.filter(course=course).values_list("order", flat=True)) == [1, 2]


def test_a_city_course_cannot_use_a_county_material(org):
    """The city sees a county's material, but the course would carry it to the other counties."""
    course = do_save_course(org.staff, title="市级课程")
    county = make_article(org.county_staff, title="县级资料")
    with pytest.raises(ValidationError, match="由下级单位发布"):
        do_add_course_item(org.staff, course, county)
    with pytest.raises(PermissionDenied):
        do_add_course_item(org.county_staff, course, county)


def test_county_admin_cannot_change_city_records(org, login):
    video = make_video(org.staff)
    course = do_save_course(org.staff, title="市级课程")
    client = login(org.county_staff)
    assert client.get(reverse("learning:material_edit", args=[video.pk])).status_code == 403
    assert client.post(reverse("learning:course_edit", args=[course.pk]), {"title": "篡改"}).status_code == 403
    course.refresh_from_db()
    assert course.title == "市级课程"


def test_pages_render_for_learners_and_admins(org, login):
    topic = do_save_topic(org.staff, title="专题一")
    video = make_video(org.staff, topic=topic)
    course = do_save_course(org.staff, title="课程一", topic=topic)
    do_add_course_item(org.staff, course, video)
    beats(org.cadre, video, timezone.now(), [0, 15])
    for user in (org.cadre, org.staff, org.county_staff):
        client = login(user)
        for name, args in [("learning:material_list", []), ("learning:topic_list", []), ("learning:course_list", []),
                           ("learning:material_detail", [video.pk]), ("learning:topic_detail", [topic.pk]),
                           ("learning:course_detail", [course.pk])]:
            response = client.get(reverse(name, args=args))
            assert response.status_code == 200, (user, name)
    client = login(org.staff)
    page = client.get(reverse("learning:study_overview")).content.decode()
    assert "秘书科" in page or "市委编办" in page
    page = client.get(reverse("learning:material_progress", args=[video.pk])).content.decode()
    assert org.cadre.name in page
    page = client.get(reverse("learning:course_progress", args=[course.pk])).content.decode()
    assert org.cadre.name in page and "0 / 1" in page
    county = login(org.county_staff).get(reverse("learning:course_progress", args=[course.pk])).content.decode()
    assert org.cadre.name not in county  # a county sees its own learners only
    assert login(org.cadre).get(reverse("learning:study_overview")).status_code == 403


def test_admin_edits_a_material_and_its_reading_time(org, login):
    article = make_article(org.staff, body="字" * 300)
    client = login(org.staff)
    url = reverse("learning:material_edit", args=[article.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {"title": "新标题", "summary": "", "body": "字" * 300, "required_minutes": "4"})
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.title == "新标题" and article.required_seconds == 240
    response = client.post(url, {"title": "新标题", "body": ""})
    assert response.status_code == 200 and "has-error" in response.content.decode()


def test_a_pdf_may_be_framed_by_our_own_page_only(org, login):
    pdf = do_create_material(org.staff, kind="pdf", title="学习辅导读本",
                             upload=SimpleUploadedFile("读本.pdf", b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"))
    assert pdf.required_seconds == 180
    response = login(org.cadre).get(reverse("learning:material_file", args=[pdf.pk]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert "frame-ancestors 'self'" in response["Content-Security-Policy"]
    page = login(org.cadre).get(reverse("learning:material_detail", args=[pdf.pk])).content.decode()
    assert "pdf-frame" in page


def test_bad_query_values_are_ignored(org, login):
    article = make_article(org.staff)
    page = login(org.cadre).get(reverse("learning:material_detail", args=[article.pk]) + "?course=abc&beat_ms=x")
    assert page.status_code == 200 and 'data-heartbeat-ms="15000"' in page.content.decode()
