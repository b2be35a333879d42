"""Builders the risks tests share: a risk of the city office, one with evidence, a county's."""

from datetime import timedelta

from django.utils import timezone

from ideowork.risks.actions import do_create_risk, do_record_progress
from tests.ledger.files import photo


def make_risk(org, *, unit=None, actor=None, title="机构改革人员转隶思想波动", likelihood=4, impact=4, **extra):
    actor = actor or org.staff
    unit = unit or org.office
    extra.setdefault("owner", org.staff if unit.organ_id == org.city.pk else None)
    extra.setdefault("source", "screening")
    return do_create_risk(actor, org_unit=unit, area="reform", title=title, likelihood=likelihood, impact=impact,
                          measures="开展谈心谈话，及时解读政策。",
                          deadline=timezone.localdate() + timedelta(days=30), **extra)


def with_evidence(org, risk, actor=None):
    do_record_progress(actor or org.staff, risk, text="已开展谈心谈话12人次。", files=[photo("谈话记录.png")])
    risk.refresh_from_db()
    return risk
