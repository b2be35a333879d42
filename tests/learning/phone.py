"""A cadre's study world for the phone tests: questions, an article and a video, a study group with a
session today, a reflection and some points, all of the test organisation."""

from dataclasses import dataclass
from datetime import time, timedelta

from django.utils import timezone

from ideowork.learning.actions.points import do_award_points
from ideowork.learning.actions.reflections import do_submit_reflection
from ideowork.learning.actions.sessions import do_save_group, do_schedule_session
from ideowork.learning.models import Material, StudyGroup, StudySession

from .test_materials import make_article, make_video
from .test_quizzes import make_questions

NO_OVERFLOW = "document.documentElement.scrollWidth <= window.innerWidth"


@dataclass
class World:
    group: StudyGroup
    session: StudySession
    article: Material
    video: Material


def study_world(org, *, reflection=True) -> World:
    make_questions(org.city, 12)
    article = make_article(org.staff, title="深入学习贯彻党的二十届四中全会精神",
                           body="全会强调，要坚持以习近平新时代中国特色社会主义思想为指导。\n\n" * 30)
    video = make_video(org.staff, title="二十届四中全会精神专题辅导报告", duration=900)
    group = do_save_group(org.staff, name="秘书科党支部", kind="branch", org_unit=org.office,
                          secretary=org.section_chief, members=[org.cadre, org.staff, org.section_chief, org.deputy])
    session = do_schedule_session(org.staff, group=group, kind="study", title="学习贯彻全会精神专题学习",
                                  date=timezone.localdate(), start_time=time(0, 0), host="王科长",
                                  place="三楼会议室", agenda=[("学习全会公报", True, "王科长")])
    if reflection:
        do_submit_reflection(org.cadre, kind="insight", group=group, title="学习全会精神的几点体会",
                             body="通过学习，我深刻认识到……\n\n一是提高政治站位；二是狠抓落实。")
    for action, ref in (("login", "login:today"), ("read", "read:seed")):
        do_award_points(org.cadre, action, ref=ref)
    do_award_points(org.deputy, "login", ref="login:today")
    do_award_points(org.deputy, "read", ref="read:seed", when=timezone.localdate() - timedelta(days=1))
    return World(group=group, session=session, article=article, video=video)
