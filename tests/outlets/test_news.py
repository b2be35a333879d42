"""News releases and policy interpretation: press conferences, the expert library, interpretations
and the public's questions, each counted where the plan counts it."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from ideowork.core.models import AuditEvent, Notification
from ideowork.ledger.models import Activity, TargetCredit
from ideowork.outlets.actions.news import (do_answer_question, do_delete_expert, do_delete_interpretation,
                                           do_delete_press_conference, do_delete_question, do_publish_answer,
                                           do_record_question, do_save_expert, do_save_interpretation,
                                           do_save_press_conference, split_expertise)
from ideowork.outlets.models import (Expert, PolicyInterpretation, PressConference, PublicQuestion,
                                     QuestionStatus)
from ideowork.plans.models import Target

from .publicity_builders import plan_with_media_target

TODAY = timezone.localdate


@pytest.fixture
def plan(org):
    return plan_with_media_target(org)


def _target(plan, kind):
    return Target.objects.get(item__plan=plan, activity_kinds=[kind])


def _press(org, user=None, **changes):
    data = {"org_unit": org.city, "title": "全市机构编制工作新闻发布会", "held_on": TODAY(), "place": "市新闻发布厅",
            "host": "市委宣传部新闻发言人", "spokespeople": "李娜 市委编办副主任\n陈静 机构编制一科科长",
            "topics": "通报机构改革进展", "media_count": 3, "media_names": "市日报、市广播电视台、市融媒体中心"}
    data.update(changes)
    return do_save_press_conference(user or org.staff, **data)


def _expert(org, **changes):
    data = {"org_unit": org.city, "name": "王立新", "organisation": "市委党校", "position": "教授",
            "expertise": "机构改革、基层治理", "contact": "0351-7601201（办公）"}
    data.update(changes)
    return do_save_expert(org.staff, **data)


def _question(org, user=None, **changes):
    data = {"org_unit": org.city, "channel": "hotline", "received_on": TODAY() - timedelta(days=20),
            "topic": "乡镇机构设置调整", "question": "乡镇机构调整后，社保业务应到哪个窗口办理？",
            "due_on": TODAY() - timedelta(days=5)}
    data.update(changes)
    return do_record_question(user or org.staff, **data)


def test_a_press_conference_is_recorded_and_counted(org, plan):
    conference = _press(org)
    activity = conference.activity
    assert (activity.kind, activity.source_record) == ("press_conference", conference)
    assert TargetCredit.objects.filter(activity=activity, target=_target(plan, "press_conference")).exists()
    assert conference.spokespeople_list == ["李娜 市委编办副主任", "陈静 机构编制一科科长"]

    conference = do_save_press_conference(org.staff, conference, org_unit=org.city, title="改名后的发布会",
                                          held_on=TODAY() - timedelta(days=2), spokespeople="李娜 市委编办副主任",
                                          topics="通报机构改革进展")
    activity.refresh_from_db()
    assert activity.title == "新闻发布会：改名后的发布会" and activity.date == TODAY() - timedelta(days=2)
    assert Activity.objects.count() == 1
    assert AuditEvent.objects.filter(event_type="outlets.press.update", actor=org.staff).exists()


def test_press_conference_input_is_checked(org, plan):
    with pytest.raises(ValidationError) as caught:
        _press(org, title="", spokespeople=" ", topics="", held_on=TODAY() + timedelta(days=1))
    assert set(caught.value.message_dict) == {"title", "spokespeople", "topics", "held_on"}
    with pytest.raises(PermissionDenied):
        _press(org, user=org.cadre)
    with pytest.raises(PermissionDenied):
        _press(org, user=org.county_staff)
    assert not Activity.objects.exists()


def test_the_expert_library_keeps_work_information_and_is_searched_by_field(org, plan, client):
    assert split_expertise("机构改革、编制管理，法治政府 机构改革") == ["机构改革", "编制管理", "法治政府"]
    _expert(org)
    _expert(org, name="陈思远", organisation="市社科院", expertise="意识形态、舆论引导")
    _expert(org, name="已出库专家", expertise="机构改革", active=False)
    with pytest.raises(ValidationError) as caught:
        _expert(org, name="", expertise="、")
    assert set(caught.value.message_dict) == {"name", "expertise"}

    client.force_login(org.cadre)
    page = client.get(reverse("outlets:expert_list"), {"field": "机构改革"}).content.decode()
    assert "王立新" in page and "陈思远" not in page and "已出库专家" not in page
    page = client.get(reverse("outlets:expert_list"), {"field": "机构改革", "inactive": "on"}).content.decode()
    assert "已出库专家" in page
    client.force_login(org.county_staff)
    assert "王立新" not in client.get(reverse("outlets:expert_list")).content.decode()


def test_an_interpretation_names_its_experts_and_counts(org, plan):
    expert = _expert(org)
    item = do_save_interpretation(org.staff, org_unit=org.city, policy_title="关于深化事业单位改革的实施意见",
                                  issuing_body="市委办公室", published_on=TODAY(), form="graphic",
                                  channel="市委编办微信公众号", experts=[expert])
    assert item.activity.kind == "interpretation" and "王立新" in item.activity.summary
    assert TargetCredit.objects.filter(activity=item.activity, target=_target(plan, "interpretation")).exists()
    other_expert = do_save_expert(org.county_staff, org_unit=org.county_a, name="县里的专家", organisation="县委党校",
                                  expertise="基层治理")
    with pytest.raises(PermissionDenied):
        do_save_interpretation(org.gov_staff, org_unit=org.gov, policy_title="x", issuing_body="x",
                               published_on=TODAY(), form="text", channel="x", experts=[other_expert])
    with pytest.raises(ValidationError) as caught:
        do_save_interpretation(org.staff, item, org_unit=org.city, policy_title="x", issuing_body="x",
                               published_on=TODAY(), form="漫画", channel="x", link="javascript:alert(1)")
    assert set(caught.value.message_dict) == {"form", "link"}


def test_a_question_keeps_no_personal_information(org, plan, client):
    with pytest.raises(ValidationError) as caught:
        _question(org, question="我叫张三，电话13912345678，想问乡镇机构调整的事。")
    assert "手机号或身份证号" in caught.value.message_dict["question"][0]
    with pytest.raises(ValidationError) as caught:
        _question(org, question="身份证号140102199001011234，咨询编制问题。")
    assert not PublicQuestion.objects.exists()
    names = {f.name for f in PublicQuestion._meta.get_fields()}
    assert not names & {"name", "asker", "asker_name", "phone", "id_number", "mobile"}

    client.force_login(org.staff)
    form = client.get(reverse("outlets:question_create")).content.decode()
    assert "不登记提问人的姓名、电话、身份证号" in form


def test_answering_a_question_records_the_response_and_counts(org, plan):
    question = _question(org)
    assert question.is_overdue()
    answered = do_answer_question(org.section_chief, question, answer="已会同有关部门研究，统一在便民服务中心办理。",
                                  answered_on=TODAY())
    assert answered.status == QuestionStatus.ANSWERED and not answered.is_overdue()
    activity = answered.activity
    assert (activity.kind, activity.source_record) == ("public_response", question)
    assert TargetCredit.objects.filter(activity=activity, target=_target(plan, "public_response")).exists()
    assert Notification.objects.filter(recipient=org.staff, title__contains="群众关切已答复").exists()

    published = do_publish_answer(org.staff, answered)
    assert published.status == QuestionStatus.PUBLISHED and published.published_on == TODAY()
    with pytest.raises(ValidationError):
        do_publish_answer(org.staff, published)
    again = do_answer_question(org.staff, published, answer="补充答复。", answered_on=TODAY())
    assert again.status == QuestionStatus.PUBLISHED and Activity.objects.count() == 1


def test_question_input_and_permissions(org, plan):
    with pytest.raises(ValidationError) as caught:
        _question(org, channel="微博", topic="", question="", due_on=TODAY() - timedelta(days=30))
    assert set(caught.value.message_dict) == {"channel", "topic", "question", "due_on"}
    question = _question(org)
    with pytest.raises(PermissionDenied):
        do_answer_question(org.county_staff, question, answer="x", answered_on=TODAY())
    with pytest.raises(PermissionDenied):
        do_answer_question(org.cadre, question, answer="x", answered_on=TODAY())
    with pytest.raises(ValidationError) as caught:
        do_answer_question(org.staff, question, answer=" ", answered_on=TODAY() - timedelta(days=40))
    assert set(caught.value.message_dict) == {"answer", "answered_on"}
    with pytest.raises(ValidationError):
        do_publish_answer(org.staff, question)
    question.refresh_from_db()
    assert question.status == QuestionStatus.PENDING and question.activity is None


def test_the_question_list_highlights_overdue_questions(org, plan, client):
    overdue = _question(org, topic="超期的问题")
    fresh = _question(org, topic="未到期的问题", due_on=TODAY() + timedelta(days=10))
    answered = _question(org, topic="已答复的问题")
    do_answer_question(org.staff, answered, answer="答复。", answered_on=TODAY())

    client.force_login(org.deputy)
    page = client.get(reverse("outlets:question_list")).content.decode()
    assert 'class="row-overdue" data-testid="question-%d"' % overdue.pk in page
    assert 'class="" data-testid="question-%d"' % fresh.pk in page
    assert page.index("超期的问题") < page.index("已答复的问题")
    only_overdue = client.get(reverse("outlets:question_list"), {"status": "overdue"}).content.decode()
    assert "超期的问题" in only_overdue and "未到期的问题" not in only_overdue

    client.force_login(org.other_county_staff)
    assert client.get(reverse("outlets:question_detail", args=[overdue.pk])).status_code == 404
    assert client.get(reverse("outlets:question_answer", args=[overdue.pk])).status_code == 404


def test_pages_render_for_readers_and_writers(org, plan, client):
    conference = _press(org)
    expert = _expert(org)
    item = do_save_interpretation(org.staff, org_unit=org.city, policy_title="某政策", issuing_body="市委编办",
                                  published_on=TODAY(), form="text", channel="门户网站", experts=[expert])
    client.force_login(org.cadre)
    for name in ("press_list", "interpretation_list", "expert_list", "question_list"):
        assert client.get(reverse(f"outlets:{name}")).status_code == 200, name
    assert "李娜 市委编办副主任" in client.get(reverse("outlets:press_detail", args=[conference.pk])).content.decode()
    assert client.get(reverse("outlets:press_edit", args=[conference.pk])).status_code == 403
    client.force_login(org.staff)
    for name, args in [("press_create", []), ("press_edit", [conference.pk]), ("expert_create", []),
                       ("expert_edit", [expert.pk]), ("interpretation_create", []),
                       ("interpretation_edit", [item.pk]), ("question_create", [])]:
        assert client.get(reverse(f"outlets:{name}", args=args)).status_code == 200, name
    response = client.post(reverse("outlets:question_create"), {
        "channel": "website", "received_on": TODAY().isoformat(), "topic": "编外人员管理",
        "question": "编外聘用人员管理有哪些规定？", "due_on": (TODAY() + timedelta(days=15)).isoformat(),
        "org_unit": org.city.pk})
    question = PublicQuestion.objects.get(topic="编外人员管理")
    assert response.status_code == 302 and response["Location"] == question.get_absolute_url()
    response = client.post(reverse("outlets:question_answer", args=[question.pk]), {
        "answer": "按照有关规定执行。", "answered_on": TODAY().isoformat(), "publish": "on"})
    question.refresh_from_db()
    assert response.status_code == 302 and question.status == QuestionStatus.PUBLISHED


# --- deleting records ----------------------------------------------------------------------------------
def test_deleting_a_press_conference_removes_its_activity_and_is_audited(org, plan):
    conference = _press(org)
    activity_pk = conference.activity_id
    with pytest.raises(PermissionDenied):
        do_delete_press_conference(org.cadre, conference)
    with pytest.raises(PermissionDenied):
        do_delete_press_conference(org.county_staff, conference)
    assert PressConference.objects.filter(pk=conference.pk).exists()
    do_delete_press_conference(org.staff, conference)
    assert not PressConference.objects.filter(pk=conference.pk).exists()
    assert not Activity.objects.filter(pk=activity_pk).exists()
    assert not TargetCredit.objects.filter(activity_id=activity_pk).exists()
    event = AuditEvent.objects.get(event_type="outlets.press.delete")
    assert event.actor == org.staff and event.old["title"] == "全市机构编制工作新闻发布会"


def test_deleting_an_interpretation_keeps_its_experts(org, plan):
    expert = _expert(org)
    item = do_save_interpretation(org.staff, org_unit=org.city, policy_title="某政策", issuing_body="市委编办",
                                  published_on=TODAY(), form="text", channel="门户网站", experts=[expert])
    activity_pk = item.activity_id
    with pytest.raises(PermissionDenied):
        do_delete_interpretation(org.county_staff, item)
    do_delete_interpretation(org.section_chief, item)
    assert not PolicyInterpretation.objects.exists() and not Activity.objects.filter(pk=activity_pk).exists()
    assert Expert.objects.filter(pk=expert.pk, active=True).exists()
    assert AuditEvent.objects.get(event_type="outlets.interpretation.delete").actor == org.section_chief


def test_an_expert_who_interpreted_is_deactivated_not_deleted(org, plan):
    used, unused = _expert(org), _expert(org, name="刘明")
    do_save_interpretation(org.staff, org_unit=org.city, policy_title="某政策", issuing_body="市委编办",
                           published_on=TODAY(), form="text", channel="门户网站", experts=[used])
    with pytest.raises(PermissionDenied):
        do_delete_expert(org.cadre, unused)
    assert do_delete_expert(org.staff, unused) is True
    assert not Expert.objects.filter(pk=unused.pk).exists()
    assert AuditEvent.objects.get(event_type="outlets.expert.delete").actor == org.staff
    assert do_delete_expert(org.staff, used) is False
    used.refresh_from_db()
    assert not used.active and used.interpretations.count() == 1
    event = AuditEvent.objects.get(event_type="outlets.expert.deactivate")
    assert event.actor == org.staff and (event.old["active"], event.new["active"]) == (True, False)
    assert do_delete_expert(org.staff, used) is False  # already out of the library: nothing more happens
    assert AuditEvent.objects.filter(event_type="outlets.expert.deactivate").count() == 1


def test_only_an_unanswered_question_can_be_deleted(org, plan):
    pending, answered = _question(org), _question(org, topic="编外人员管理")
    do_answer_question(org.staff, answered, answer="按规定执行。", answered_on=TODAY())
    with pytest.raises(PermissionDenied):
        do_delete_question(org.county_staff, pending)
    with pytest.raises(ValidationError) as caught:
        do_delete_question(org.staff, answered)
    assert "已答复" in caught.value.messages[0]
    assert PublicQuestion.objects.filter(pk=answered.pk).exists() and Activity.objects.count() == 1
    do_delete_question(org.staff, pending)
    assert not PublicQuestion.objects.filter(pk=pending.pk).exists()
    assert AuditEvent.objects.get(event_type="outlets.question.delete").actor == org.staff


def test_delete_pages_are_post_only_and_for_publicity_staff(org, plan, client):
    conference = _press(org)
    expert = _expert(org)
    item = do_save_interpretation(org.staff, org_unit=org.city, policy_title="某政策", issuing_body="市委编办",
                                  published_on=TODAY(), form="text", channel="门户网站", experts=[expert])
    question, answered = _question(org), _question(org, topic="已答复的问题")
    do_answer_question(org.staff, answered, answer="按规定执行。", answered_on=TODAY())
    urls = {"press": reverse("outlets:press_delete", args=[conference.pk]),
            "expert": reverse("outlets:expert_delete", args=[expert.pk]),
            "interpretation": reverse("outlets:interpretation_delete", args=[item.pk]),
            "question": reverse("outlets:question_delete", args=[question.pk])}
    client.force_login(org.cadre)
    for url in urls.values():
        assert client.post(url).status_code == 403
    client.force_login(org.staff)
    for url in urls.values():
        assert client.get(url).status_code == 405
    detail = client.get(conference.get_absolute_url()).content.decode()
    assert urls["press"] in detail and "data-confirm" in detail
    assert urls["question"] in client.get(question.get_absolute_url()).content.decode()
    assert reverse("outlets:question_delete", args=[answered.pk]) not in \
        client.get(answered.get_absolute_url()).content.decode()
    assert urls["expert"] in client.get(reverse("outlets:expert_list")).content.decode()
    assert urls["interpretation"] in client.get(reverse("outlets:interpretation_list")).content.decode()

    assert client.post(urls["press"])["Location"] == reverse("outlets:press_list")
    assert client.post(urls["interpretation"])["Location"] == reverse("outlets:interpretation_list")
    response = client.post(urls["expert"], follow=True)
    assert "已将“王立新”移出专家库" in response.content.decode()
    assert client.post(urls["question"])["Location"] == reverse("outlets:question_list")
    response = client.post(reverse("outlets:question_delete", args=[answered.pk]), follow=True)
    assert "不能删除" in response.content.decode() and PublicQuestion.objects.filter(pk=answered.pk).exists()
    assert not PressConference.objects.exists() and not PolicyInterpretation.objects.exists()
    assert not Expert.objects.exists() and PublicQuestion.objects.count() == 1
