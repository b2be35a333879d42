"""Stored audit events take the one naming grammar, <area>.<thing>.<verb>, of the registered types."""

from django.db import migrations

from ideowork.core.migration_ops import rename_audit_events

RENAMES = {
    "learning.session.material": "learning.session.add_material",
    "learning.session.speech": "learning.session.add_speech",
    "learning.session.code": "learning.session.renew_code",
    "learning.session.leave_request": "learning.session.request_leave",
    "learning.session.leave_decide": "learning.session.decide_leave",
    "learning.session.makeup": "learning.session.submit_makeup",
    "learning.session.makeup_confirm": "learning.session.confirm_makeup",
    "learning.special_quiz_created": "learning.special_quiz.create",
    "learning.competition_created": "learning.competition.create",
    "learning.competition_closed": "learning.competition.close",
    "learning.exemplar_created": "learning.exemplar.create",
    "learning.exemplar_nominated": "learning.exemplar.nominate",
    "learning.exemplar_nominee_added": "learning.exemplar.add_nominee",
    "learning.exemplar_nominee_removed": "learning.exemplar.remove_nominee",
    "learning.exemplar_submitted": "learning.exemplar.submit",
    "learning.exemplar_decided": "learning.exemplar.decide",
    "learning.exemplar_returned": "learning.exemplar.return",
    "learning.exemplar_published": "learning.exemplar.publish",
    "learning.exam.question_add": "learning.exam.add_question",
    "learning.exam.question_remove": "learning.exam.remove_question",
    "learning.exam.rule_add": "learning.exam.add_rule",
    "learning.exam.rule_remove": "learning.exam.remove_rule",
    "learning.exam.attempt_start": "learning.exam.start_attempt",
    "learning.exam.attempt_submit": "learning.exam.submit_attempt",
    "learning.exam.answer_grade": "learning.exam.grade_answer",
    "learning.points_adjusted": "learning.points.adjust",
    "learning.points_rule_saved": "learning.points_rule.save",
}


class Migration(migrations.Migration):
    dependencies = [
        ("learning", "0001_initial"),
        ("core", "0004_rename_audit_events"),
    ]

    operations = [rename_audit_events(RENAMES)]
