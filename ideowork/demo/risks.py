"""The risk register of the demo: risks at every status and every level in the city office and in a
county bureau, written through the risks area's services (close-out through the 销号 review)."""

from __future__ import annotations

from datetime import timedelta

from django.core.files.uploadedfile import SimpleUploadedFile

from ideowork.core.actions.reviews import active_stage, do_decide, eligible_users
from ideowork.risks.actions import (do_accept_risk, do_create_risk, do_record_progress, do_request_closeout)

from .risks_response import OWN_KINDS, build_response

__all__ = ["build", "RISKS", "OWN_KINDS"]

# (unit key, author, area, title, likelihood, impact, what happens: open/rectifying/closing/closed/accepted)
RISKS = [
    ("综合科", "zhoujie", "reform", "机构改革期间部分转隶人员存在思想波动", 4, 5, "open"),
    ("综合科", "zhoujie", "policy", "编制调整政策解读口径不统一，易引发误读", 3, 4, "rectifying"),
    ("综合科", "zhoujie", "online", "涉编制话题网络舆情处置响应偏慢", 3, 3, "closing"),
    ("综合科", "zhoujie", "positions", "机关宣传栏内容更新不及时", 2, 2, "closed"),
    ("综合科", "zhoujie", "staffing", "事业单位改革人员安置政策存在误传", 2, 4, "accepted"),
    ("county:0", "cg_staff", "reform", "县级机构改革中个别干部消极情绪", 5, 4, "rectifying"),
    ("county:0", "cg_staff", "online", "县区政务新媒体评论区管理不到位", 3, 3, "open"),
    ("county:0", "cg_staff", "policy", "基层对编制核定政策理解有偏差", 1, 3, "accepted"),
    ("county:0", "cg_staff", "positions", "乡镇宣传阵地无专人维护", 4, 3, "closing"),
]
MEASURES = "逐一谈心谈话、讲清政策；统一解读口径并及时回应关切；建立周报告制度。"


def _photo(ctx, name: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, ctx.photo, content_type="image/png")


def _approve_all(review) -> None:
    """Walk the close-out review to its end, each stage decided by someone allowed to."""
    while (stage := active_stage(review)) is not None:
        stage.review = review
        do_decide(eligible_users(stage).first(), review, stage_id=stage.pk, version=review.version,
                  decision="approve", comment="整改到位，同意销号。")
        review.refresh_from_db()


def build(ctx, log=print) -> None:
    today = ctx.today
    made = 0
    for unit_key, author, area, title, likelihood, impact, end in RISKS:
        unit, actor = ctx.units[unit_key], ctx.users[author]
        leader = ctx.users["zhangwei" if unit_key != "county:0" else "cg_head"]
        risk = do_create_risk(actor, org_unit=unit, area=area, title=title, likelihood=likelihood, impact=impact,
                              source="screening", owner=actor, measures=MEASURES,
                              deadline=today + timedelta(days=45 if end != "rectifying" else -5),
                              description="季度意识形态风险隐患排查中发现。")
        if end in ("rectifying", "closing", "closed"):
            do_record_progress(actor, risk, text="已召开专题会议研究整改措施，开展谈心谈话并形成记录。",
                               on=today - timedelta(days=3), files=[_photo(ctx, "整改记录.png")])
        if end in ("closing", "closed"):
            review = do_request_closeout(actor, risk)
            if end == "closed":
                _approve_all(review)
        if end == "accepted":
            do_accept_risk(leader, risk, reason="影响范围小、已有常态化防控措施，经研判予以接受。",
                           review_on=today + timedelta(days=90))
        made += 1
    log(f"已建立风险隐患台账：{made}项（市委编办与{ctx.units['county:0'].display_name}，各状态、各等级）。")
    build_response(ctx, log)
