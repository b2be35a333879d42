"""The learning part of the demo: points history, rankings and a published 学习标兵 selection,
built through the learning services like everything else in the demo."""

from __future__ import annotations

from datetime import date, timedelta

from ideowork.core.models import User
from ideowork.learning.actions import exemplars
from ideowork.learning.actions.points import do_award_points, ensure_default_rules

__all__ = ["build_learning_demo"]

# How keen each demo learner is (0–1): decides how many days of the last weeks they studied.
KEENNESS = {"xuli": 0.95, "sunpeng": 0.8, "mayue": 0.7, "hujun": 0.45, "guoting": 0.3, "linfeng": 0.1,
            "wangqiang": 0.75, "liuyang": 0.85, "chenjing": 0.6, "yangfan": 0.5, "zhaolei": 0.55, "huangmin": 0.4,
            "zhoujie": 0.9, "wuhao": 0.5, "zhangwei": 0.6, "lina": 0.7, "cg_cadre": 0.8, "cg_staff": 0.7,
            "lh_staff": 0.6, "qs_staff": 0.5, "gov_cadre": 0.6, "gov_staff": 0.7}
DAYS = 120


def build_learning_demo(ctx, log=print) -> None:
    ensure_default_rules()
    _points_history(ctx)
    log("已生成学习积分记录。")
    _exemplars(ctx)
    log("已发布学习标兵评选。")


def _points_history(ctx) -> None:
    rng = ctx.rng
    for username, keenness in KEENNESS.items():
        user = ctx.users[username]
        for back in range(DAYS, 0, -1):
            day = ctx.today - timedelta(days=back)
            if rng.random() > keenness:
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
    exemplars.do_publish_selection(head, selection)
    exemplars.do_create_selection(staff, title=f"{ctx.today.year}年度学习标兵", start=date(ctx.today.year, 1, 1),
                                  end=date(ctx.today.year, 12, 31), quota=5)
