"""News releases and policy interpretation: press conferences, the expert library, interpretations,
and answering the public's questions (seed 001 item 10).

Who may write: the publicity staff of the record's organ (``publicity.can_manage_publicity``); business users
in scope read. A press conference, an interpretation and an answered question are recorded in the
ledger (kinds 新闻发布会, 政策解读, 回应关切) and count where the plan counts them.
"""

import re
from collections.abc import Iterable
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from ideowork.core.audit import record, snapshot
from ideowork.core.models import OrgUnit, User
from ideowork.core.notify import notify
from ideowork.core.permissions import require
from ideowork.ledger.actions import do_sync_activity

from ..choices import ContentKind, OutletActivityKind
from ..models import (ContentItem, Expert, InterpretationForm, PolicyInterpretation, PressConference,
                      PublicQuestion, QuestionChannel, QuestionStatus)
from .publicity import can_manage_publicity, check_cited_content, check_not_future

__all__ = ["do_save_press_conference", "do_save_expert", "split_expertise", "do_save_interpretation",
           "do_record_question", "do_answer_question", "do_publish_answer", "do_delete_press_conference",
           "do_delete_expert", "do_delete_interpretation", "do_delete_question"]

PRESS_FIELDS = ["org_unit", "title", "held_on", "place", "host", "spokespeople", "topics", "media_count",
                "media_names", "release", "summary"]
EXPERT_FIELDS = ["org_unit", "name", "organisation", "position", "expertise", "contact", "active", "note"]
INTERPRETATION_FIELDS = ["org_unit", "policy_title", "issuing_body", "published_on", "form", "channel", "link",
                         "summary", "experts"]
QUESTION_FIELDS = ["org_unit", "channel", "received_on", "topic", "question", "due_on", "status", "answer",
                   "answered_by", "answered_on", "published_on"]
# Digits that look like a mobile phone or an ID number: questions must not carry the asker's identity.
_PERSONAL_NUMBER = re.compile(r"(?<!\d)(1[3-9]\d{9}|\d{17}[\dXx]|\d{15})(?!\d)")


def _require_can_write(user: User, unit: OrgUnit, what: str) -> None:
    require(can_manage_publicity(user, unit), f"您无权为“{unit.name}”{what}。")


def _check_link(link: str, errors: dict) -> None:
    if link.strip() and not link.strip().lower().startswith(("http://", "https://")):
        errors["link"] = "链接须以 http:// 或 https:// 开头。"


def _save(user: User, obj, fields: list[str], event: str, *, before: dict | None, m2m: dict | None = None):
    """full_clean, save, set the many-to-many fields and audit. Caller is in a transaction."""
    obj.full_clean(exclude=["activity"])
    obj.save()
    for name, values in (m2m or {}).items():
        getattr(obj, name).set(values)
    new = snapshot(obj, fields)
    if before is None:
        record(f"{event}.create", obj, actor=user, new=new)
    elif new != before:
        record(f"{event}.update", obj, actor=user, old=before, new=new)
    return obj


def _delete(user: User, obj, fields: list[str], event: str, *, what: str) -> None:
    """Delete ``obj`` with its ledger activity, when the user may (``what`` names the deed)."""
    _require_can_write(user, obj.org_unit, what)
    with transaction.atomic():
        _delete_locked(user, type(obj).objects.select_for_update().get(pk=obj.pk), fields, event)


def _delete_locked(user: User, obj, fields: list[str], event: str) -> None:
    """Audit and delete ``obj`` with its ledger activity (as placements do). Caller is in a transaction
    and holds the row lock."""
    old = snapshot(obj, fields)
    record(f"{event}.delete", obj, actor=user, old=old)
    do_sync_activity(user, source=obj, withdraw=True)
    obj.delete()


# --- press conferences -------------------------------------------------------------------------------
def do_save_press_conference(user: User, conference: PressConference | None = None, *, org_unit: OrgUnit,
                             title: str, held_on: date, spokespeople: str, topics: str, place: str = "",
                             host: str = "", media_count: int = 0, media_names: str = "",
                             release: ContentItem | None = None, summary: str = "") -> PressConference:
    """Record (``conference`` None) or change a press conference; its ledger activity follows."""
    if conference is not None:
        _require_can_write(user, conference.org_unit, "修改新闻发布会记录")
    _require_can_write(user, org_unit, "登记新闻发布会")
    errors = {}
    if not title.strip():
        errors["title"] = "请填写发布会名称。"
    check_not_future(held_on, "held_on", "召开日期", errors)
    if not spokespeople.strip():
        errors["spokespeople"] = "请填写发布人（姓名和职务）。"
    if not topics.strip():
        errors["topics"] = "请填写发布主题。"
    if media_count is None or media_count < 0:
        errors["media_count"] = "到会媒体数须为不小于0的整数。"
    if release is not None:
        check_cited_content(user, release, ContentKind.PRESS_RELEASE, "release", errors)
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        before = snapshot(conference, PRESS_FIELDS) if conference is not None else None
        conference = conference or PressConference(created_by=user)
        conference.org_unit, conference.title, conference.held_on = org_unit, title.strip(), held_on
        conference.place, conference.host, conference.spokespeople = place.strip(), host.strip(), spokespeople.strip()
        conference.topics, conference.media_count = topics.strip(), media_count
        conference.media_names, conference.release, conference.summary = (media_names.strip(), release,
                                                                           summary.strip())
        _save(user, conference, PRESS_FIELDS, "outlets.press", before=before)
        lines = [f"发布人：{'；'.join(conference.spokespeople_list)}", f"发布主题：{conference.topics}",
                 f"到会媒体：{conference.media_count}家" + (f"（{conference.media_names}）" if conference.media_names else "")]
        if conference.summary:
            lines.append(conference.summary)
        do_sync_activity(user, source=conference, kind=OutletActivityKind.PRESS_CONFERENCE,
                         title=f"新闻发布会：{conference.title}", date=conference.held_on, place=conference.place,
                         host=conference.host, summary="\n".join(lines))
    return conference


def do_delete_press_conference(user: User, conference: PressConference) -> None:
    """Delete a press conference with its ledger activity."""
    _delete(user, conference, PRESS_FIELDS, "outlets.press", what="删除新闻发布会记录")


# --- the expert library -----------------------------------------------------------------------------
def split_expertise(text: str | Iterable[str]) -> list[str]:
    """Fields of expertise from "机构改革、编制管理，法治政府" (or a list): trimmed, de-duplicated."""
    parts = re.split(r"[、,，;；/\s]+", text) if isinstance(text, str) else list(text)
    seen: list[str] = []
    for part in (p.strip() for p in parts):
        if part and part not in seen:
            seen.append(part[:30])
    return seen


def do_save_expert(user: User, expert: Expert | None = None, *, org_unit: OrgUnit, name: str, organisation: str,
                   expertise: str | Iterable[str], position: str = "", contact: str = "", active: bool = True,
                   note: str = "") -> Expert:
    """Add an expert to the library or change one. Only work information is kept."""
    if expert is not None:
        _require_can_write(user, expert.org_unit, "修改专家库")
    _require_can_write(user, org_unit, "维护专家库")
    fields = split_expertise(expertise)
    errors = {}
    if not name.strip():
        errors["name"] = "请填写专家姓名。"
    if not organisation.strip():
        errors["organisation"] = "请填写工作单位。"
    if not fields:
        errors["expertise"] = "请至少填写一个擅长领域。"
    elif len("、".join(fields)) > 300:
        errors["expertise"] = "擅长领域过多，请精简到300字以内。"
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        before = snapshot(expert, EXPERT_FIELDS) if expert is not None else None
        expert = expert or Expert()
        expert.org_unit, expert.name, expert.organisation = org_unit, name.strip(), organisation.strip()
        expert.position, expert.expertise, expert.contact = position.strip(), "、".join(fields), contact.strip()
        expert.active, expert.note = active, note.strip()
        _save(user, expert, EXPERT_FIELDS, "outlets.expert", before=before)
    return expert


def do_delete_expert(user: User, expert: Expert) -> bool:
    """Remove an expert from the library. Returns True when deleted.

    An expert who has taken part in an interpretation is kept (the library keeps its history) and
    only marked as no longer active; False is returned then.
    """
    _require_can_write(user, expert.org_unit, "修改专家库")
    with transaction.atomic():
        expert = Expert.objects.select_for_update().get(pk=expert.pk)
        if expert.interpretations.exists():
            if expert.active:
                before = snapshot(expert, EXPERT_FIELDS)
                expert.active = False
                expert.save(update_fields=["active"])
                record("outlets.expert.deactivate", expert, actor=user, old=before,
                       new=snapshot(expert, EXPERT_FIELDS))
            return False
        record("outlets.expert.delete", expert, actor=user, old=snapshot(expert, EXPERT_FIELDS))
        expert.delete()
    return True


# --- policy interpretation --------------------------------------------------------------------------
def do_save_interpretation(user: User, interpretation: PolicyInterpretation | None = None, *, org_unit: OrgUnit,
                           policy_title: str, issuing_body: str, published_on: date, form: str, channel: str,
                           experts: Iterable[Expert] = (), link: str = "", summary: str = "") -> PolicyInterpretation:
    """Record (``interpretation`` None) or change a policy interpretation; its ledger activity follows."""
    if interpretation is not None:
        _require_can_write(user, interpretation.org_unit, "修改政策解读记录")
    _require_can_write(user, org_unit, "登记政策解读")
    experts = list(experts)
    visible = set(Expert.objects.visible_to(user).values_list("pk", flat=True))
    require({e.pk for e in experts} <= visible, "解读专家中有您无权选择的专家。")
    errors = {}
    if not policy_title.strip():
        errors["policy_title"] = "请填写政策名称。"
    if not issuing_body.strip():
        errors["issuing_body"] = "请填写发文机关。"
    check_not_future(published_on, "published_on", "解读发布日期", errors)
    if form not in InterpretationForm.values:
        errors["form"] = "请选择解读形式。"
    if not channel.strip():
        errors["channel"] = "请填写发布渠道。"
    _check_link(link, errors)
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        before = snapshot(interpretation, INTERPRETATION_FIELDS) if interpretation is not None else None
        interpretation = interpretation or PolicyInterpretation(created_by=user)
        interpretation.org_unit, interpretation.policy_title = org_unit, policy_title.strip()
        interpretation.issuing_body, interpretation.published_on = issuing_body.strip(), published_on
        interpretation.form, interpretation.channel = form, channel.strip()
        interpretation.link, interpretation.summary = link.strip(), summary.strip()
        _save(user, interpretation, INTERPRETATION_FIELDS, "outlets.interpretation", before=before,
              m2m={"experts": experts})
        names = "、".join(e.name for e in experts)
        lines = [f"{interpretation.issuing_body}《{interpretation.policy_title}》{interpretation.get_form_display()}，"
                 f"发布渠道：{interpretation.channel}。"]
        if names:
            lines.append(f"解读专家：{names}")
        if interpretation.summary:
            lines.append(interpretation.summary)
        if interpretation.link:
            lines.append(f"链接：{interpretation.link}")
        do_sync_activity(user, source=interpretation, kind=OutletActivityKind.INTERPRETATION,
                         title=f"政策解读：《{interpretation.policy_title}》", date=interpretation.published_on,
                         host=names, summary="\n".join(lines))
    return interpretation


def do_delete_interpretation(user: User, interpretation: PolicyInterpretation) -> None:
    """Delete a policy interpretation with its ledger activity (its experts stay in the library)."""
    _delete(user, interpretation, INTERPRETATION_FIELDS, "outlets.interpretation", what="删除政策解读记录")


# --- the public's questions -------------------------------------------------------------------------
def _check_no_identity(text: str, field: str, errors: dict) -> None:
    if _PERSONAL_NUMBER.search(text or ""):
        errors[field] = "内容中含有疑似手机号或身份证号，请删去提问人的个人信息后再保存。"


def do_record_question(user: User, *, org_unit: OrgUnit, channel: str, received_on: date, topic: str,
                       question: str, due_on: date) -> PublicQuestion:
    """Record a question the public raised. The asker is not recorded (see ``PublicQuestion``)."""
    _require_can_write(user, org_unit, "登记群众关切")
    errors = {}
    if channel not in QuestionChannel.values:
        errors["channel"] = "请选择来源渠道。"
    check_not_future(received_on, "received_on", "收到日期", errors)
    if not topic.strip():
        errors["topic"] = "请填写关切主题。"
    if not question.strip():
        errors["question"] = "请填写问题内容。"
    _check_no_identity(question, "question", errors)
    if due_on is None:
        errors["due_on"] = "请填写答复期限。"
    elif received_on is not None and due_on < received_on:
        errors["due_on"] = "答复期限不能早于收到日期。"
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        item = PublicQuestion(org_unit=org_unit, channel=channel, received_on=received_on, topic=topic.strip(),
                              question=question.strip(), due_on=due_on, created_by=user)
        return _save(user, item, QUESTION_FIELDS, "outlets.question", before=None)


def _question_activity(user: User, item: PublicQuestion) -> None:
    summary = (f"来源渠道：{item.get_channel_display()}；收到日期：{item.received_on:%Y-%m-%d}。\n"
               f"问题：{item.question}\n答复：{item.answer}")
    do_sync_activity(user, source=item, kind=OutletActivityKind.PUBLIC_RESPONSE,
                     title=f"回应群众关切：{item.topic}", date=item.answered_on, host=item.answered_by.name,
                     summary=summary)


def do_answer_question(user: User, item: PublicQuestion, *, answer: str, answered_on: date,
                       publish: bool = False) -> PublicQuestion:
    """Answer a question (or correct the answer); ``publish`` also marks the answer made public."""
    _require_can_write(user, item.org_unit, "答复群众关切")
    errors = {}
    if not answer.strip():
        errors["answer"] = "请填写答复内容。"
    _check_no_identity(answer, "answer", errors)
    check_not_future(answered_on, "answered_on", "答复日期", errors)
    if answered_on is not None and answered_on < item.received_on:
        errors["answered_on"] = "答复日期不能早于收到日期。"
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        item = PublicQuestion.objects.select_for_update().get(pk=item.pk)
        before = snapshot(item, QUESTION_FIELDS)
        item.answer, item.answered_on, item.answered_by = answer.strip(), answered_on, user
        if publish or item.status == QuestionStatus.PUBLISHED:
            item.status = QuestionStatus.PUBLISHED
            item.published_on = item.published_on or answered_on
        else:
            item.status = QuestionStatus.ANSWERED
        _save(user, item, QUESTION_FIELDS, "outlets.question", before=before)
        _question_activity(user, item)
        if item.created_by_id != user.pk:
            notify(item.created_by, f"群众关切已答复：{item.topic}", url=item.get_absolute_url(),
                   dedup_key=f"question:{item.pk}:answered")
    return item


def do_publish_answer(user: User, item: PublicQuestion, *, published_on: date | None = None) -> PublicQuestion:
    """Mark an answered question's answer as made public."""
    _require_can_write(user, item.org_unit, "公开答复")
    with transaction.atomic():
        item = PublicQuestion.objects.select_for_update().get(pk=item.pk)
        if item.status == QuestionStatus.PENDING:
            raise ValidationError("该问题尚未答复，不能公开。")
        if item.status == QuestionStatus.PUBLISHED:
            raise ValidationError("该答复已公开。")
        published_on = published_on or timezone.localdate()
        if published_on < item.answered_on:
            raise ValidationError({"published_on": "公开日期不能早于答复日期。"})
        before = snapshot(item, QUESTION_FIELDS)
        item.status, item.published_on = QuestionStatus.PUBLISHED, published_on
        _save(user, item, QUESTION_FIELDS, "outlets.question", before=before)
    return item


def do_delete_question(user: User, item: PublicQuestion) -> None:
    """Delete a question recorded by mistake. Only while unanswered: an answer is the office's record."""
    _require_can_write(user, item.org_unit, "删除群众关切")
    with transaction.atomic():
        item = PublicQuestion.objects.select_for_update().get(pk=item.pk)
        if item.status != QuestionStatus.PENDING:
            raise ValidationError("该问题已答复，答复是本单位的工作记录，不能删除。")
        _delete_locked(user, item, QUESTION_FIELDS, "outlets.question")
