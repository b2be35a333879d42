"""Records for the access walk (tests/test_access.py): materials, topics and courses of the city office.

A city material, topic or course is published down to the counties, so they may read it; the pages
that change it are the city's own.
"""

from django.core.files.uploadedfile import SimpleUploadedFile

from ideowork.learning.actions.materials import do_add_course_item, do_create_material, do_save_course, do_save_topic

from .test_materials import FILES

CITY_RECORD_PAGES = {"learning:material_edit", "learning:topic_edit", "learning:course_edit",
                     "learning:course_item_add", "learning:course_item_move", "learning:course_item_remove"}


def objects(org) -> dict:
    topic = do_save_topic(org.staff, title="学习贯彻党的二十大精神")
    video = do_create_material(org.staff, kind="video", title="专题讲座", topic=topic, duration_seconds=3,
                               upload=SimpleUploadedFile("讲座.webm", (FILES / "tiny.webm").read_bytes()))
    course = do_save_course(org.staff, title="二十大精神系列课", topic=topic)
    item = do_add_course_item(org.staff, course, video)
    return {
        "learning:material_detail": video.pk, "learning:material_edit": video.pk, "learning:material_file": video.pk,
        "learning:material_heartbeat": video.pk, "learning:material_progress": video.pk,
        "learning:topic_detail": topic.pk, "learning:topic_edit": topic.pk,
        "learning:course_detail": course.pk, "learning:course_edit": course.pk, "learning:course_item_add": course.pk,
        "learning:course_progress": course.pk,
        "learning:course_item_move": item.pk, "learning:course_item_remove": item.pk,
    }
