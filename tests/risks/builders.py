"""Builders the risks tests share: a risk of the city office, one with evidence, a county's; reading an
exported workbook."""

import io
from datetime import timedelta

import openpyxl

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


def make_campaign(org, *, units=None, actor=None, deadline=None, **extra):
    """A campaign of the city office to its 秘书科 and 甲县 (by default), due in ten days."""
    from ideowork.risks.actions import do_open_campaign

    today = timezone.localdate()
    extra.setdefault("title", f"{today.year}年第{(today.month - 1) // 3 + 1}季度意识形态风险隐患排查")
    extra.setdefault("focus_areas", ["机构改革", "编制调整", "政策解读", "网络舆情"])
    return do_open_campaign(actor or org.staff, organ=org.city, year=today.year, quarter=(today.month - 1) // 3 + 1,
                            units=[org.office, org.county_a] if units is None else units,
                            deadline=deadline or today + timedelta(days=10), **extra)


def return_of(campaign, unit):
    return campaign.returns.get(org_unit=unit)


def report_risk(org, campaign_return, actor=None, title="乡镇干部对岗位调整存在疑虑", likelihood=3, impact=4):
    from ideowork.risks.actions import do_report_risk

    return do_report_risk(actor or org.county_staff, campaign_return, area="reform", title=title,
                          likelihood=likelihood, impact=impact, measures="谈心谈话，讲清政策。",
                          deadline=timezone.localdate() + timedelta(days=30))


def exported_rows(response) -> tuple[list, list[list]]:
    """The header row (the one starting 序号) and the data rows under it of a streamed workbook."""
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    header = next(r for r in rows if r and r[0] == "序号")
    return header, rows[rows.index(header) + 1:]
