"""Records for the access walk (tests/test_access.py): a press conference, an expert, an
interpretation and a public question of the city office."""

from datetime import timedelta

from django.utils import timezone

from ideowork.outlets.actions.news import (do_record_question, do_save_expert, do_save_interpretation,
                                           do_save_press_conference)

CITY_RECORD_PAGES = {"outlets:press_detail", "outlets:press_edit", "outlets:expert_edit",
                     "outlets:interpretation_edit", "outlets:question_detail", "outlets:question_answer",
                     "outlets:press_delete", "outlets:expert_delete", "outlets:interpretation_delete",
                     "outlets:question_delete"}


def objects(org) -> dict:
    today = timezone.localdate()
    conference = do_save_press_conference(org.staff, org_unit=org.city, title="访问检查用的发布会", held_on=today,
                                          spokespeople="李副主任 市委编办副主任", topics="通报工作")
    expert = do_save_expert(org.staff, org_unit=org.city, name="访问检查专家", organisation="市委党校",
                            expertise="机构改革")
    interpretation = do_save_interpretation(org.staff, org_unit=org.city, policy_title="访问检查用的政策",
                                            issuing_body="市委编办", published_on=today, form="text",
                                            channel="门户网站", experts=[expert])
    question = do_record_question(org.staff, org_unit=org.city, channel="website", received_on=today,
                                  topic="访问检查用的问题", question="问题内容", due_on=today + timedelta(days=15))
    return {"outlets:press_detail": conference.pk, "outlets:press_edit": conference.pk,
            "outlets:expert_edit": expert.pk, "outlets:interpretation_edit": interpretation.pk,
            "outlets:question_detail": question.pk, "outlets:question_answer": question.pk,
            "outlets:press_delete": conference.pk, "outlets:expert_delete": expert.pk,
            "outlets:interpretation_delete": interpretation.pk, "outlets:question_delete": question.pk}
