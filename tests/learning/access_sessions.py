"""Records for the access walk (tests/test_access.py): a city study group, a closed session with a
material and a make-up study, and a reflection."""

from datetime import time

from django.utils import timezone

from ideowork.learning.actions.reflections import do_submit_reflection
from ideowork.learning.actions.sessions import (do_add_material, do_close_session, do_save_group,
                                                do_schedule_session, do_sign_in, do_submit_makeup)
from tests.ledger.files import pdf_bytes, upload

SESSION_PAGES = ["session_detail", "session_edit", "session_screen", "session_screen_count", "session_leave",
                 "session_leave_decide", "session_close", "session_new_code", "session_mark", "session_minutes",
                 "session_material", "session_speech", "session_makeup", "session_makeup_confirm"]
CITY_RECORD_PAGES = {f"learning:{name}" for name in SESSION_PAGES} | {
    "learning:group_detail", "learning:group_edit", "learning:session_material_download",
    "learning:session_makeup_download", "learning:reflection_detail", "learning:reflection_edit",
    "learning:reflection_download"}


def objects(org) -> dict:
    group = do_save_group(org.staff, name="理论学习中心组", kind="center", org_unit=org.city, secretary=org.staff,
                          members=[org.principal, org.deputy, org.cadre])
    session = do_schedule_session(org.staff, group=group, kind="study", title="集中学习", date=timezone.localdate(),
                                  start_time=time(0, 0), host="张主任", agenda=[("学习重要讲话精神", True, "")])
    material = do_add_material(org.staff, session, title="学习材料", file=upload("材料.pdf", pdf_bytes()))
    do_sign_in(org.cadre, session.sign_in_code)
    session = do_close_session(org.staff, session)
    makeup = do_submit_makeup(org.deputy, session, content="自学", studied_on=timezone.localdate(),
                              file=upload("笔记.pdf", pdf_bytes()))
    reflection = do_submit_reflection(org.cadre, kind="insight", group=group, title="体会", body="正文",
                                      file=upload("体会.pdf", pdf_bytes()))
    found = {f"learning:{name}": session.pk for name in SESSION_PAGES}
    found.update({
        "learning:group_detail": group.pk, "learning:group_edit": group.pk,
        "learning:session_material_download": material.pk, "learning:session_makeup_download": makeup.pk,
        **{f"learning:reflection_{name}": reflection.pk for name in ("detail", "edit", "download")},
    })
    return found
