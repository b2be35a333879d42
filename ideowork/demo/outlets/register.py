"""Demo data of the outlet register: the city office's six outlets, one account per county bureau,
the government organ's website and 政务新媒体 account (one inspection passed), a year of quarterly
board updates with photos, inspections (one under rectification, one rectified), and a county work
group the daily job flags 长期未更新.

Written only through the register's services. The other outlets parts look the city outlets up by
name. The content part later publishes to the board, the account and the website, which moves their
last update; the honour room and 临河县's account stay overdue, so the register shows red rows.
"""

from datetime import timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from ideowork.outlets.actions.outlet_inspections import do_complete_rectification, do_record_inspection
from ideowork.outlets.actions.outlets import do_create_outlet, do_flag_dormant_outlets, do_record_outlet_update
from ideowork.outlets.choices import InspectionResult, OutletKind, UpdateFrequency
from ideowork.plans.models import PlanItem

__all__ = ["build", "CITY_OUTLETS", "GOV_OUTLETS"]

# (name, kind, account, responsible, frequency, days since the last update, plan item number)
CITY_OUTLETS = [
    ("市委编办微信公众号", OutletKind.WECHAT, "微信号：shiweibianban", "zhoujie", UpdateFrequency.WEEKLY, 3, 5),
    ("市委编办门户网站", OutletKind.WEBSITE, "http://jgbz.example.gov.cn", "zhoujie", UpdateFrequency.WEEKLY, 5, 5),
    ("机关宣传栏", OutletKind.BOARD, "机关办公楼一楼大厅", "liuyang", UpdateFrequency.QUARTERLY, None, 6),
    ("机构编制荣誉室", OutletKind.HONOUR_ROOM, "机关办公楼三楼", "wangqiang", UpdateFrequency.YEARLY, None, 6),
    ("机构编制工作简报", OutletKind.BRIEFING, "内部编发，报送市委办、市政府办", "zhoujie", UpdateFrequency.MONTHLY, 20, 6),
    ("编办工作群", OutletKind.WORK_GROUP, "政务微信群“市委编办干部职工”", "wangqiang", UpdateFrequency.WEEKLY, 2, 5),
]
# The government organ's positions of seed 001's item 9 (门户网站 and 政务新媒体), same columns.
GOV_OUTLETS = [
    ("市人民政府门户网站", OutletKind.WEBSITE, "http://www.example.gov.cn", "gov_staff", UpdateFrequency.DAILY, 1, 9),
    ("“市政府发布”微信公众号", OutletKind.WECHAT, "微信号：shizhengfufabu", "gov_chief", UpdateFrequency.DAILY, 0, 9),
    ("市政府机关意识形态工作简报", OutletKind.BRIEFING, "内部编发，报送市委办", "gov_chief", UpdateFrequency.MONTHLY, 25, 9),
]
# (county key, account name, staff, days since the last update)
COUNTY_OUTLETS = [("county:0", "城关区编办公众号", "cg_staff", 4), ("county:1", "临河县编办公众号", "lh_staff", 12),
                  ("county:2", "青山县编办公众号", "qs_staff", 6)]
BOARD_THEMES = ["“不忘初心、牢记使命”机构编制工作成就展", "深化机构改革成果展示",
                "“服务提质增效年”活动掠影", "学习贯彻习近平总书记关于机构编制工作重要论述"]


def _photo(ctx, name):
    return SimpleUploadedFile(name, ctx.photo, content_type="image/png")


def _item(ctx, number, key="city"):
    return (PlanItem.objects.filter(plan__org_unit=ctx.units[key], plan__year=ctx.today.year, number=number)
            .order_by("-plan__created_at").first())


def _register(ctx, key, manager, rows, today) -> dict:
    """The organ's outlets of ``rows``, registered by its publicity staff ``manager``."""
    users = ctx.users
    return {name: do_create_outlet(
        users[manager], org_unit=ctx.units[key], name=name, kind=kind, account=account, responsible=users[person],
        frequency_days=frequency, last_updated_on=today - timedelta(days=last) if last is not None else None,
        item=_item(ctx, number, key)) for name, kind, account, person, frequency, last, number in rows}


def build(ctx, log=print) -> None:
    users = ctx.users
    staff = users["zhoujie"]
    today = min(ctx.today, timezone.localdate())
    outlets = _register(ctx, "city", "zhoujie", CITY_OUTLETS, today)
    for key, name, person, last in COUNTY_OUTLETS:
        do_create_outlet(users[person], org_unit=ctx.units[key], name=name, kind=OutletKind.WECHAT,
                         responsible=users[person], frequency_days=UpdateFrequency.WEEKLY,
                         last_updated_on=today - timedelta(days=last))
    gov = _register(ctx, "gov", "gov_staff", GOV_OUTLETS, today) if "gov" in ctx.units else {}
    log(f"已登记宣传阵地 {len(CITY_OUTLETS) + len(COUNTY_OUTLETS) + len(gov)} 个。")

    # A year of quarterly board updates; the last one 100 days ago, so the board is overdue.
    board = outlets["机关宣传栏"]
    for i, theme in enumerate(BOARD_THEMES):
        day = today - timedelta(days=100 + 91 * (len(BOARD_THEMES) - 1 - i))
        do_record_outlet_update(users["liuyang"], board, date=day, summary=f"更新宣传栏：{theme}，展板8块。",
                                evidence_files=[_photo(ctx, f"宣传栏{day:%Y%m%d}.png")])
    do_record_outlet_update(users["wangqiang"], outlets["机构编制荣誉室"], date=today - timedelta(days=380),
                            summary="荣誉室增设“机构编制事业发展历程”展区，更新荣誉证书陈列。",
                            evidence_files=[_photo(ctx, "荣誉室.png")])

    # Inspections: the board passed; the account's problem was rectified; the website's is open.
    do_record_inspection(users["zhaolei"], board, date=today - timedelta(days=98), result=InspectionResult.PASSED,
                         findings="展板内容导向正确，表述规范，更新及时。")
    wechat = do_record_inspection(
        users["lina"], outlets["市委编办微信公众号"], date=today - timedelta(days=50), result=InspectionResult.ISSUES,
        findings="个别推文未留存三审三校审核记录；一篇转载文章未注明来源。",
        rectification="补齐审核记录，转载文章一律注明来源，发布前由专人复核。", rectify_by=today - timedelta(days=36))
    do_complete_rectification(staff, wechat, rectified_on=today - timedelta(days=40),
                              note="已补齐审核记录并更正转载文章来源；建立发布前复核登记表。")
    do_record_inspection(
        users["zhaolei"], outlets["市委编办门户网站"], date=today - timedelta(days=6), result=InspectionResult.ISSUES,
        findings="“政策解读”栏目3个月未更新；“机构概况”页面领导分工信息未随调整更新；2处链接失效。",
        rectification="更新“政策解读”栏目和领导分工信息，修复失效链接。", rectify_by=today + timedelta(days=14))
    if gov:
        do_record_inspection(users["gov_deputy"], gov["市人民政府门户网站"], date=today - timedelta(days=20),
                             result=InspectionResult.PASSED, findings="信息发布审核记录完整，“政策直通车”栏目更新及时。")
    log("已登记阵地更新和检查记录。")

    # 政务新媒体专项整治: a county work group nobody posts in, found by the daily job.
    group = do_create_outlet(users["qs_staff"], org_unit=ctx.units["county:2"], name="青山县编办干部工作群",
                             kind=OutletKind.WORK_GROUP, account="钉钉群", responsible=users["qs_staff"],
                             frequency_days=UpdateFrequency.WEEKLY, last_updated_on=today - timedelta(days=75))
    flagged = do_flag_dormant_outlets(today)
    log(f"已标记长期未更新阵地 {len(flagged)} 个：" + "、".join(o.name for o in flagged)
        if flagged else f"{group.name}未达到长期未更新标准。")
