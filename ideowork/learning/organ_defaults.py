"""What learning gives a new organ (``core.organ_setup``): points rules, a starter question bank and
starter reading, so that its cadres can take the daily quiz and read on day one.

- 积分规则: the rules of ``DEFAULT_RULES`` that are not saved yet (they are the same for the whole
  installation; the city's learning managers change them on 积分规则).
- 题库: the built-in questions (``data/starter_questions.json``: objective questions on the Party's
  theory, the Party constitution, the responsibility system for ideological work, publicity and
  online work, with answers and explanations, and two short-answer questions for exams), imported
  into the organ's own bank — unless the organ already sees an active objective question, its own
  or one published down by the organ above it (a county bureau quizzes on the city's bank).
- 学习资料: the topic “意识形态工作应知应会” with three articles (``data/starter_materials/``),
  unless the organ already sees a material.

Each is an ordinary record of the organ, written with its usual audit event by the system actor:
the organ's learning managers edit, disable or replace it like anything they made themselves.
"""

from __future__ import annotations

import json
from pathlib import Path

from django.urls import reverse

from ideowork.core import audit
from ideowork.core.models import OrgUnit, User
from ideowork.core.organ_setup import register_organ_default

from .actions.materials import required_seconds_for
from .actions.points import DEFAULT_RULES
from .actions.questions import check_question, get_or_create_category
from .actions.quizzes import OBJECTIVE_KINDS
from .models import Material, MaterialKind, PointsRule, Question, QuestionTag, Topic

__all__ = ["STARTER_QUESTIONS", "STARTER_MATERIALS", "STARTER_TOPIC", "starter_questions", "starter_answer_text",
           "setup_points_rules", "setup_question_bank", "setup_materials", "register_learning_defaults"]

DATA = Path(__file__).resolve().parent / "data"
STARTER_QUESTIONS = DATA / "starter_questions.json"
STARTER_MATERIALS = DATA / "starter_materials"
STARTER_TOPIC = ("意识形态工作应知应会", "系统内置的入门学习资料，可按本单位实际增删、修改。")
STARTER_SOURCE = "内置题库"


def starter_questions() -> list[dict]:
    return json.loads(STARTER_QUESTIONS.read_text(encoding="utf-8"))


def starter_answer_text(item: dict) -> str:
    """A starter question's answer as a person types it (what ``check_question`` reads)."""
    answer = item["answer"]
    if item["kind"] == "multiple":
        return "".join(answer)
    if item["kind"] == "judge":
        return "对" if answer else "错"
    if item["kind"] == "blank":
        return "|".join("/".join(alternatives) for alternatives in answer)
    return answer


def _in_view(model, organ: OrgUnit):
    """Records of ``organ`` or published down to it by an organ above."""
    return model.objects.filter(org_unit__in=organ.ancestors())


# --- 积分规则 -------------------------------------------------------------------------------------

def setup_points_rules(organ: OrgUnit, actor: User) -> str:
    saved = set(PointsRule.objects.values_list("action", flat=True))
    made = 0
    for action, (points, daily, weekly) in DEFAULT_RULES.items():
        if action in saved:
            continue
        rule = PointsRule.objects.create(action=action, points=points, daily_cap=daily, weekly_cap=weekly)
        audit.record("learning.points_rule.save", rule, actor=actor, new=audit.snapshot(rule))
        made += 1
    return f"启用默认积分规则{made}条" if made else ""


def describe_points_rules(organ: OrgUnit) -> tuple[str, str]:
    active = PointsRule.objects.filter(is_active=True).count()
    return f"{active}条积分规则在用（全系统统一，由市级机关学习管理员调整）", reverse("learning:points_rules")


# --- 题库 ----------------------------------------------------------------------------------------

def setup_question_bank(organ: OrgUnit, actor: User) -> str:
    if _in_view(Question, organ).active().filter(kind__in=OBJECTIVE_KINDS).exists():
        return ""
    created = []
    for item in starter_questions():
        data = check_question(item["kind"], item["stem"], item["options"], starter_answer_text(item), item["difficulty"])
        question = Question.objects.create(
            org_unit=organ, kind=item["kind"], difficulty=item["difficulty"], explanation=item["explanation"],
            source=item["source"], category=get_or_create_category(organ, item["category"]), created_by=actor,
            **data)
        question.tags.set([QuestionTag.objects.get_or_create(name=name)[0] for name in item["tags"]])
        created.append(question)
    audit.record("learning.question.import", organ, actor=actor,
                 new={"filename": STARTER_SOURCE, "count": len(created), "ids": [q.pk for q in created]})
    objective = sum(q.kind in OBJECTIVE_KINDS for q in created)
    return f"导入内置题库{len(created)}道题（客观题{objective}道）"


def describe_question_bank(organ: OrgUnit) -> tuple[str, str]:
    own = Question.objects.filter(org_unit=organ).active()
    objective = own.filter(kind__in=OBJECTIVE_KINDS).count()
    if not objective and _in_view(Question, organ).active().filter(kind__in=OBJECTIVE_KINDS).exists():
        return "使用上级机关发布的题库", reverse("learning:question_list")
    return f"本单位题库启用{own.count()}道题，其中客观题{objective}道，每日答题从中抽题", reverse("learning:question_list")


# --- 学习资料 -------------------------------------------------------------------------------------

def setup_materials(organ: OrgUnit, actor: User) -> str:
    if _in_view(Material, organ).exists():
        return ""
    title, description = STARTER_TOPIC
    topic = Topic.objects.create(org_unit=organ, title=title, description=description, created_by=actor)
    audit.record("learning.topic.save", topic, actor=actor,
                 new={"title": topic.title, "description": topic.description, "order": topic.order})
    made = 0
    for path in sorted(STARTER_MATERIALS.glob("*.txt")):
        heading, body = path.read_text(encoding="utf-8").split("\n", 1)
        body = body.strip()
        material = Material.objects.create(
            org_unit=organ, topic=topic, kind=MaterialKind.ARTICLE, title=heading.strip(), summary=body[:60],
            body=body, required_seconds=required_seconds_for(MaterialKind.ARTICLE, body=body), created_by=actor)
        audit.record("learning.material.create", material, actor=actor,
                     new={"title": material.title, "kind": material.kind, "topic": topic.title, "file": "",
                          "duration_seconds": 0, "required_seconds": material.required_seconds})
        made += 1
    return f"建立学习专题“{title}”，发布入门文章{made}篇"


def describe_materials(organ: OrgUnit) -> tuple[str, str]:
    own = Material.objects.filter(org_unit=organ).count()
    if not own and _in_view(Material, organ).exists():
        return "使用上级机关发布的学习资料", reverse("learning:material_list")
    return f"本单位发布学习资料{own}篇", reverse("learning:material_list")


def register_learning_defaults() -> None:
    register_organ_default("learning.points_rules", "积分规则", setup_points_rules, describe=describe_points_rules,
                           order=10)
    register_organ_default("learning.question_bank", "题库", setup_question_bank, describe=describe_question_bank,
                           order=20)
    register_organ_default("learning.materials", "学习资料", setup_materials, describe=describe_materials, order=30)
