"""The learning part of the demo, for each organ that runs its own programme (the city office and the
municipal government organ, ``ORGANS``): its study group and sessions, materials and a course, its
question bank (the starter bank its setup imported plus its own questions), exams and daily quizzes;
and, for the city office, points rankings, a published 学习标兵 selection, youth work and a knowledge
competition. Built through the learning services like everything else in the demo."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, time, timedelta
from decimal import Decimal
from pathlib import Path

from django.utils import timezone

from ideowork.core.models import User
from ideowork.learning.actions import competitions as competition_services
from ideowork.learning.actions import exams as exam_services
from ideowork.learning.actions import exemplars
from ideowork.learning.actions import questions as question_services
from ideowork.learning.actions import materials as material_services
from ideowork.learning.actions import quizzes as quiz_services
from ideowork.learning.actions import reflections as reflection_services
from ideowork.learning.actions import sessions as session_services
from ideowork.learning.actions import youth as youth_services
from ideowork.learning.actions.points import do_award_points, ensure_default_rules
from ideowork.learning.models import Material, Question
from ideowork.learning.organ_defaults import STARTER_MATERIALS, starter_answer_text
from ideowork.plans.models import PlanItem

DATA = Path(__file__).resolve().parent / "data"
REFLECTION_TEXT = STARTER_MATERIALS / "02.txt"

__all__ = ["build", "build_organ", "LearningOrgan", "ORGANS", "OWN_KINDS"]

# How keen each demo learner is (0–1): decides how many days of the last weeks they studied.
KEENNESS = {"xuli": 0.95, "sunpeng": 0.8, "mayue": 0.7, "hujun": 0.45, "guoting": 0.3, "linfeng": 0.1,
            "wangqiang": 0.75, "liuyang": 0.85, "chenjing": 0.6, "yangfan": 0.5, "zhaolei": 0.55, "huangmin": 0.4,
            "zhoujie": 0.9, "wuhao": 0.5, "zhangwei": 0.6, "lina": 0.7, "cg_cadre": 0.8, "cg_staff": 0.7,
            "lh_staff": 0.6, "qs_staff": 0.5, "gov_cadre": 0.6, "gov_staff": 0.7, "gov_head": 0.5, "gov_deputy": 0.6,
            "gov_chief": 0.75, "gov_lu": 0.85, "gov_qin": 0.4}
DAYS = 120
# Who stopped studying six weeks ago: the overview's "not studied" list is not empty.
LAPSED = {"linfeng", "huangmin"}


CITY_MEMBERS = ["zhangwei", "lina", "wangqiang", "liuyang", "chenjing", "yangfan", "zhaolei", "huangmin"]
YOUTH_MEMBERS = ["xuli", "sunpeng", "mayue", "hujun", "guoting", "linfeng", "zhoujie"]


@dataclass(frozen=True)
class LearningOrgan:
    """What differs between the organs whose learning the demo builds; everything else is shared."""

    key: str  # the organ's unit key in ctx.units
    manager: str  # its learning administrator (专职工作人员)
    group: str  # its 理论学习中心组
    members: list[str]
    host: str  # who chairs the group's sessions
    place: str
    questions: str  # its own questions, in demo/data, added to the starter bank its setup imported
    material_item: int  # the plan item whose text the organ circulates as a study material
    exam: str  # a finished exam's title
    takers: dict[str, float]  # who took it, and how likely each answers a question right
    upcoming_exam: str
    daily: list[str]  # who has done today's quiz
    reflections: list[tuple[str, str, bool | None]]  # (author, title, accepted?) on the group
    next_session: str  # the title of the session ahead
    # A closed session for every past month of the year (the organ's plan asks for one a month);
    # else the last one, three days ago.
    monthly: bool = False
    agenda: list[tuple[str, bool, str]] = field(default_factory=list)


ORGANS = [
    LearningOrgan(
        key="city", manager="zhoujie", group="市委编办理论学习中心组", members=CITY_MEMBERS, host="张伟",
        place="三楼会议室", questions="questions.json", material_item=1, exam="意识形态工作应知应会测试",
        takers={"xuli": 0.95, "sunpeng": 0.85, "mayue": 0.75, "hujun": 0.6, "guoting": 0.5, "wangqiang": 0.9,
                "liuyang": 0.9, "chenjing": 0.8, "zhaolei": 0.7},
        upcoming_exam="《中国共产党机构编制工作条例》知识测试", daily=["xuli", "sunpeng", "liuyang", "zhoujie"],
        reflections=[("wangqiang", "以党的创新理论武装头脑", True)], next_session="学习《中国共产党机构编制工作条例》",
        agenda=[("学习习近平总书记关于机构编制工作的重要论述", True, "张伟"), ("传达学习全会公报", False, "李娜"),
                ("交流研讨", False, "")]),
    LearningOrgan(
        key="gov", manager="gov_staff", group="市政府办公室党组理论学习中心组",
        members=["gov_head", "gov_deputy", "gov_chief", "gov_staff"], host="冯海", place="市政府第二会议室",
        questions="gov_questions.json", material_item=2, exam="政务公开和政务新媒体管理知识测试",
        takers={"gov_cadre": 0.8, "gov_lu": 0.9, "gov_qin": 0.6, "gov_chief": 0.85, "gov_staff": 0.95},
        upcoming_exam="学习贯彻党的二十届四中全会精神测试", daily=["gov_lu", "gov_chief"],
        reflections=[("gov_chief", "做好新时代政务宣传工作的几点体会", True), ("gov_deputy", "学习四中全会精神心得体会", None)],
        next_session="学习中央经济工作会议精神", monthly=True,
        agenda=[("学习习近平总书记最新重要讲话和重要指示批示精神（第一议题）", True, "冯海"),
                ("专题学习研讨", False, "沈雁"), ("交流发言", False, "")]),
]
# The activity kinds the learning builder records for an organ through its services: the plans
# builder's generic year leaves them out of that organ's plan. Sessions are the government organ's
# only study records; the city's plan also keeps its generic year of study records.
OWN_KINDS = {"gov": frozenset({"study"})}
SESSION_TITLES = ["学习贯彻习近平新时代中国特色社会主义思想", "学习习近平文化思想", "学习党的二十届四中全会精神",
                  "学习习近平总书记关于意识形态工作的重要论述", "学习《中国共产党章程》", "学习习近平法治思想",
                  "学习党的二十届三中全会精神", "学习习近平总书记关于网络强国的重要思想", "学习《习近平谈治国理政》",
                  "学习习近平经济思想", "学习习近平总书记关于党的建设的重要思想", "学习中央经济工作会议精神"]


def build(ctx, log=print) -> None:
    ensure_default_rules()
    _points_history(ctx)
    log("已生成学习积分记录。")
    _exemplars(ctx)
    log("已发布学习标兵评选。")
    for organ in ORGANS:
        build_organ(ctx, organ, log)
    _youth_group(ctx)
    _youth(ctx)
    log("已建立青年理论学习小组、导师带徒和征文活动。")
    _competition(ctx)
    log("已生成知识竞赛记录。")


def build_organ(ctx, organ: LearningOrgan, log=print) -> None:
    """One organ's own programme: its group and sessions, materials, bank, exams and today's quizzes."""
    _sessions(ctx, organ)
    _materials(ctx, organ)
    questions = _question_bank(ctx, organ)
    _exams(ctx, organ, questions)
    _daily_quizzes(ctx, organ)
    log(f"{ctx.units[organ.key].display_name}：已建立学习小组和集中学习，发布学习资料和课程，题库{len(questions)}道题，"
        "组织在线考试和每日答题。")


def _points_history(ctx) -> None:
    rng = ctx.rng
    for username, keenness in KEENNESS.items():
        user = ctx.users[username]
        for back in range(DAYS, 0, -1):
            day = ctx.today - timedelta(days=back)
            if rng.random() > keenness or (username in LAPSED and back <= 40):
                continue
            do_award_points(user, "login", ref=f"login:{day.isoformat()}", when=day)
            for n in range(rng.randint(1, 6)):
                do_award_points(user, "read", ref=f"demo-article:{day.toordinal()}:{n}", when=day)
            if rng.random() < keenness:
                do_award_points(user, "view", ref=f"demo-video:{day.toordinal()}", when=day, points=rng.randint(1, 4))
            if rng.random() < keenness * 0.8:
                do_award_points(user, "quiz", ref=f"daily:{day.isoformat()}", when=day, points=rng.randint(2, 5))


def _exemplars(ctx) -> None:
    staff, head, deputy = ctx.users["zhoujie"], ctx.users["zhangwei"], ctx.users["lina"]
    quarter_end = date(ctx.today.year, ((ctx.today.month - 1) // 3) * 3 + 1, 1) - timedelta(days=1)
    quarter_start = date(quarter_end.year, quarter_end.month - 2, 1)
    number = (quarter_end.month - 1) // 3 + 1
    selection = exemplars.do_create_selection(
        staff, title=f"{quarter_end.year}年第{'一二三四'[number - 1]}季度学习标兵", start=quarter_start,
        end=quarter_end, quota=3, note="根据本季度学习积分排名，结合集中学习出勤和心得体会质量评选。")
    nominees = exemplars.do_nominate_from_rankings(staff, selection)
    extra = User.objects.get(username="liuyang")
    if not any(n.user_id == extra.pk for n in nominees):
        exemplars.do_add_nominee(staff, selection, extra, reason="牵头组织青年理论学习小组")
    exemplars.do_submit_selection(staff, selection)
    for nominee in selection.nominees.select_related("user"):
        approve = nominee.rank <= 3 and nominee.user.username != "liuyang"
        leader = deputy if nominee.user_id == head.pk else head  # nobody decides on themselves
        exemplars.do_decide_nominee(leader, nominee, decision="approved" if approve else "rejected",
                                    comment="" if approve else "名额有限，下季度优先考虑")
    exemplars.do_sign_off_selection(head, selection, approve=True)
    exemplars.do_publish_selection(head, selection)
    exemplars.do_create_selection(staff, title=f"{ctx.today.year}年度学习标兵", start=date(ctx.today.year, 1, 1),
                                  end=date(ctx.today.year, 12, 31), quota=5)


def _sessions(ctx, organ: LearningOrgan) -> None:
    """The organ's 中心组: its sessions closed into the ledger, the next one ahead, reflections."""
    users = ctx.users
    staff = users[organ.manager]
    center = session_services.do_save_group(
        staff, name=organ.group, kind="center", org_unit=ctx.units[organ.key], secretary=staff,
        members=[users[u] for u in organ.members], description="每月至少集中学习1次，全年不少于12次。")
    last = ctx.today - timedelta(days=3)
    if organ.monthly:
        days = [date(ctx.today.year, month, 15) for month in range(1, ctx.today.month)]
        days.append(max(last, ctx.today.replace(day=1)))  # this month's: three days ago, or on the 1st
    else:
        days = [last]
    for n, day in enumerate(days):
        title = SESSION_TITLES[(day.month - 1) % len(SESSION_TITLES)] if organ.monthly else "学习贯彻党的二十届四中全会精神"
        session = session_services.do_schedule_session(
            staff, group=center, kind="study", title=title, date=day, start_time=time(15, 0), end_time=time(17, 0),
            place=organ.place, host=organ.host, agenda=organ.agenda)
        present = organ.members[:-1] if n % 3 == 1 else organ.members
        for username in present[:6]:
            session_services.do_mark_signed_in(staff, session, users[username])
        if day == days[-1]:
            if len(organ.members) > 6:  # the seventh was away on business
                leave = session_services.do_request_leave(users[organ.members[6]], session, "赴省里参加业务培训")
                session_services.do_decide_leave(staff, leave, approve=True)
            speaker = users[organ.members[min(3, len(organ.members) - 1)]]
            session_services.do_record_speech(staff, session, speaker=speaker, speaker_name="",
                                              content="结合本职工作，谈落实意识形态工作责任制的体会。")
        session_services.do_update_session(
            staff, session, minutes=f"会议由{organ.host}同志主持。全体成员集中学习了{title.removeprefix('学习')}，"
                                    "与会同志作交流发言。会议要求各科室结合实际抓好贯彻落实。")
        session_services.do_close_session(staff, session)
    session_services.do_schedule_session(
        staff, group=center, kind="study", title=organ.next_session, date=ctx.today + timedelta(days=4),
        start_time=time(9, 30), end_time=time(11, 30), place=organ.place, host=organ.host,
        agenda=[("学习习近平总书记最新重要讲话精神", True, organ.host), ("专题学习", False, "")])
    for author, title, accept in organ.reflections:
        _reflect(users[author], center, "insight", title, accept)


def _reflect(author, group, kind, title, accept) -> None:
    reflection = reflection_services.do_submit_reflection(
        author, kind=kind, group=group, title=title,
        body=REFLECTION_TEXT.read_text(encoding="utf-8").split("\n", 1)[1])
    if accept is not None:
        reflection_services.do_review_reflection(
            group.secretary, reflection, accept=accept, comment="" if accept else "请结合本职工作，写出具体的落实举措。")


def _youth_group(ctx) -> None:
    """The city office's 青年理论学习小组: a 微学习 yesterday, and its members' reflections."""
    users = ctx.users
    youth = session_services.do_save_group(
        users["zhoujie"], name="青年理论学习小组", kind="youth", org_unit=ctx.units["city"], secretary=users["liuyang"],
        members=[users[u] for u in YOUTH_MEMBERS], description="每周开展微学习。")
    micro = session_services.do_schedule_session(
        users["liuyang"], group=youth, kind="micro", title="微学习：怎样写好学习心得体会", date=ctx.today - timedelta(days=1),
        start_time=time(12, 30), end_time=time(13, 0), place="综合科", host="刘洋",
        agenda=[("共学：怎样写好学习心得体会", True, "刘洋")])
    for username in YOUTH_MEMBERS[:5]:
        session_services.do_mark_signed_in(users["liuyang"], micro, users[username])
    session_services.do_close_session(users["liuyang"], micro)
    for author, kind, title, accept in [("xuli", "insight", "学习四中全会精神心得体会", True),
                                        ("sunpeng", "insight", "在学思践悟中提升履职能力", True),
                                        ("mayue", "research", "关于事业单位登记管理工作的调研报告", None),
                                        ("hujun", "insight", "学习体会", False)]:
        _reflect(users[author], youth, kind, title, accept)


def _materials(ctx, organ: LearningOrgan) -> None:
    """A topic with the organ's own material (a passage of its plan) beside the starter articles its
    setup published, a course made of those, and colleagues part-way through the first one."""
    staff = ctx.users[organ.manager]
    unit = ctx.units[organ.key]
    item = (PlanItem.objects.filter(plan__org_unit=unit, plan__year=ctx.today.year, number=organ.material_item)
            .order_by("-plan__created_at").first())
    topic = material_services.do_save_topic(staff, title="学习贯彻党的二十届四中全会精神",
                                            description="全会精神学习资料汇编，持续更新。")
    if item is not None:
        material_services.do_create_material(staff, kind="article", title=f"工作要点摘编：{item.title}", body=item.text,
                                             topic=topic, summary=item.text[:60])
    starters = list(Material.objects.filter(org_unit=unit, created_by__username="system").order_by("pk"))
    if not starters:
        return
    course = material_services.do_save_course(staff, title="意识形态工作必修课", topic=starters[0].topic,
                                              description="新入职干部和青年干部必修，按顺序学完三课时。")
    for article in starters:
        material_services.do_add_course_item(staff, course, article)
    # Some colleagues have already read the first article (their study time through the heartbeat rules).
    start = timezone.now() - timedelta(minutes=10)
    for username in organ.daily[:3]:
        for step in range(0, 300, 20):
            material_services.do_heartbeat(ctx.users[username], starters[0], visible=True, active=True,
                                           now=start + timedelta(seconds=step))


def _youth(ctx) -> None:
    users = ctx.users
    staff = users["zhoujie"]
    # Paired four months before the day the demo is built for, whatever day that is: nothing is dated ahead.
    paired = ctx.today - timedelta(days=120)
    pair = youth_services.do_create_pair(staff, mentor=users["liuyang"], mentee=users["sunpeng"],
                                         started_on=paired, goals="系统学习党的创新理论，提升文稿写作能力。")
    youth_services.do_record_meeting(users["liuyang"], pair, date=paired + timedelta(days=40), topic="共读《习近平谈治国理政》",
                                     notes="交流第一卷学习体会，布置读书笔记。")
    youth_services.do_record_meeting(users["sunpeng"], pair, date=paired + timedelta(days=109), topic="调研报告写作指导",
                                     notes="导师逐段修改调研报告提纲。")
    youth_services.do_create_pair(staff, mentor=users["chenjing"], mentee=users["mayue"],
                                  started_on=paired, goals="熟悉机构编制业务，提高政治理论素养。")
    now = timezone.now()
    contest = youth_services.do_save_contest(
        staff, title="“青春心向党·奋进新征程”主题征文", theme="学习贯彻党的创新理论，立足岗位建功",
        description="每人限投一篇，字数3000字以内。", opens_at=now - timedelta(days=10), closes_at=now + timedelta(days=12),
        judges=[users["zhangwei"], users["lina"], users["wangqiang"]], first_prizes=1, second_prizes=1, third_prizes=1,
        merit_prizes=2)
    for username, title in [("xuli", "在平凡岗位上践行初心"), ("guoting", "做新时代的编办青年")]:
        youth_services.do_submit_essay(users[username], contest, title=title,
                                       body=REFLECTION_TEXT.read_text(encoding="utf-8"))


def _question_bank(ctx, organ: LearningOrgan) -> list:
    """The organ's own questions added to the starter bank its setup imported; the whole active bank."""
    staff = ctx.users[organ.manager]
    unit = ctx.units[organ.key]
    for item in json.loads((DATA / organ.questions).read_text(encoding="utf-8")):
        question_services.do_create_question(
            staff, org_unit=unit, kind=item["kind"], stem=item["stem"], option_texts=item["options"],
            answer=starter_answer_text(item), category_name=item["category"], tag_names=item["tags"],
            difficulty=item["difficulty"], explanation=item["explanation"], source=item["source"])
    return list(Question.objects.filter(org_unit=unit, is_active=True).order_by("-id"))


def _right_answer(question):
    if question.kind == "blank":
        return [alternatives[0] for alternatives in question.answer]
    return question.answer


def _wrong_answer(question):
    keys = [option["key"] for option in question.options]
    if question.kind == "single":
        return next(k for k in keys if k != question.answer)
    if question.kind == "multiple":
        return [keys[-1]] if [keys[-1]] != question.answer else [keys[0]]
    if question.kind == "judge":
        return not question.answer
    return ["（不会）" for _ in question.answer]


def _exams(ctx, organ: LearningOrgan, questions) -> None:
    """A finished test with results (and one short answer graded), and an open one still to take."""
    users, staff = ctx.users, ctx.users[organ.manager]
    unit = ctx.units[organ.key]
    now = timezone.now()
    finished = exam_services.do_save_exam(
        staff, org_unit=unit, title=organ.exam,
        description="全体干部职工参加，60分及格。", mode="fixed", opens_at=now - timedelta(hours=2),
        closes_at=now + timedelta(hours=2), time_limit_minutes=30, max_attempts=1, grade_policy="highest",
        pass_score=Decimal(60), shuffle_questions=True, shuffle_options=True, show_answers="after_submit")
    chosen = [q for q in questions if q.kind != "short"][:12] + [q for q in questions if q.kind == "short"][:1]
    for question in chosen:
        exam_services.do_add_exam_question(staff, finished, question, Decimal(10 if question.kind == "short" else 7.5))
    finished = exam_services.do_publish_exam(staff, finished)
    rng = ctx.rng
    for username, right in organ.takers.items():
        user = users[username]
        attempt = exam_services.do_start_attempt(user, finished)
        for question in chosen:
            if question.kind == "short":
                raw = "落实“一岗双责”，把意识形态工作与业务工作同部署、同落实、同检查、同考核。"
            else:
                raw = _right_answer(question) if rng.random() < right else _wrong_answer(question)
            exam_services.do_save_answer(user, attempt.pk, question.pk, raw)
        exam_services.do_submit_attempt(user, attempt)
    from ideowork.learning.models import Answer

    for answer in Answer.objects.filter(attempt__exam=finished, question__kind="short")[:6]:
        exam_services.do_grade_answer(staff, answer, Decimal(8), "要点基本完整。")
    exam_services.do_save_exam(staff, finished, closes_at=now + timedelta(minutes=1))
    exam_services.do_close_exam(staff, finished)

    upcoming = exam_services.do_save_exam(
        staff, org_unit=unit, title=organ.upcoming_exam,
        description="随机抽题，每人题目和选项顺序不同。", mode="random", opens_at=now - timedelta(hours=1),
        closes_at=now + timedelta(days=7), time_limit_minutes=20, max_attempts=2, grade_policy="highest",
        pass_score=Decimal(60), shuffle_questions=True, shuffle_options=True, show_answers="after_close")
    exam_services.do_add_rule(staff, upcoming, kind="single", count=5, score=Decimal(10))
    exam_services.do_add_rule(staff, upcoming, kind="judge", count=3, score=Decimal(10))
    exam_services.do_add_rule(staff, upcoming, kind="multiple", count=2, score=Decimal(10))
    exam_services.do_publish_exam(staff, upcoming)


def _daily_quizzes(ctx, organ: LearningOrgan) -> None:
    """Today's quiz done by the keenest of the organ."""
    from ideowork.learning.models.quizzes import QuizKind

    for username in organ.daily:
        user = ctx.users[username]
        run = quiz_services.do_start_quiz(user, QuizKind.DAILY)
        for item in run.questions.select_related("question").order_by("position"):
            quiz_services.do_answer_quiz(user, run, item.position, _right_answer(item.question))


def _competition(ctx) -> None:
    """A knowledge competition of the city's 编办 system under way (the county bureaus take part)."""
    from ideowork.learning.models.quizzes import QuizKind

    users, staff = ctx.users, ctx.users["zhoujie"]
    now = timezone.now()
    competition = competition_services.do_create_competition(
        staff, org_unit=ctx.units["city"], title="学习贯彻党的二十届四中全会精神知识竞赛",
        description="全市编办系统干部职工参加，每人可答两次，取最好成绩。", question_count=8, max_attempts=2,
        starts_at=now - timedelta(days=1), ends_at=now + timedelta(days=6))
    for username, right in [("xuli", 8), ("cg_cadre", 7), ("mayue", 6), ("lh_staff", 5), ("sunpeng", 7)]:
        user = users[username]
        run = quiz_services.do_start_quiz(user, QuizKind.COMPETITION, competition=competition)
        for item in run.questions.select_related("question").order_by("position"):
            raw = _right_answer(item.question) if item.position <= right else _wrong_answer(item.question)
            quiz_services.do_answer_quiz(user, run, item.position, raw)
