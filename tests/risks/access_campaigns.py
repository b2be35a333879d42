"""Records for the access walk (tests/test_access.py): a city campaign to its 秘书科 and 甲县, guidance
sent to 甲县 with a file, and an early sign 甲县 reported up."""

from ideowork.risks.actions import do_report_upward, do_send_guidance
from tests.ledger.files import photo
from tests.risks.builders import make_campaign, return_of

# The campaign and the 秘书科's return are the city's: another county and the other organ may not see them.
CITY_RECORD_PAGES = {"risks:campaign_detail", "risks:campaign_remind", "risks:campaign_close",
                     "risks:return_detail", "risks:return_risk", "risks:return_nil"}


def objects(org) -> dict:
    campaign = make_campaign(org)
    office = return_of(campaign, org.office)
    guidance = do_send_guidance(org.staff, title="指导意见", body="全面排查。", recipients=[org.county_a],
                                files=[photo("表样.png")])
    report = do_report_upward(org.county_staff, kind="early_sign", area="reform", title="苗头性问题", body="情况。")
    return {"risks:campaign_detail": campaign.pk, "risks:campaign_remind": campaign.pk,
            "risks:campaign_close": campaign.pk, "risks:return_detail": office.pk, "risks:return_risk": office.pk,
            "risks:return_nil": office.pk, "risks:guidance_detail": guidance.pk,
            "risks:guidance_file": guidance.files.get().pk, "risks:upward_detail": report.pk,
            "risks:upward_acknowledge": report.pk}
