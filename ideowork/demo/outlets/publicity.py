"""Demo data of external publicity and news releases: a year of placements in outside media for the
city office (most at municipal level or above, a few in county papers), two press conferences, the
policy-interpretation expert library, three interpretations and the public's questions in every
state. Written only through the outlets services, so every record is also in the ledger.
"""

from datetime import date, timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from ideowork.outlets.actions.news import (do_answer_question, do_publish_answer, do_record_question,
                                           do_save_expert, do_save_interpretation, do_save_press_conference)
from ideowork.outlets.actions.publicity import do_record_placement

__all__ = ["build"]

# (title, medium, level, column, authors as usernames, byline)
PLACEMENTS = [
    ("深化机构改革 激发高质量发展新动能", "人民日报", "central", "地方版", ["zhangwei"], ""),
    ("以编制资源优化配置服务基层治理", "中国机构编制", "central", "地方实践", ["liuyang", "zhoujie"], ""),
    ("我市推进事业单位改革纪实", "山西日报", "provincial", "要闻版", ["huangmin"], ""),
    ("编办干部“政策宣讲进基层”走进社区", "山西日报", "provincial", "基层动态", ["zhoujie"], ""),
    ("机构职能体系建设的市级探索", "山西机构编制", "provincial", "工作研究", ["chenjing"], ""),
    ("“三定”规定落地见效 部门履职更顺畅", "黄河新闻网", "provincial", "时政", ["yangfan"], ""),
    ("市委编办：把意识形态工作贯穿机构编制工作全过程", "市日报", "municipal", "一版", ["zhoujie"], ""),
    ("编制资源向民生领域倾斜", "市日报", "municipal", "民生", ["mayue"], ""),
    ("机构编制实名制管理再升级", "市广播电视台", "municipal", "新闻联播", ["wangqiang"], ""),
    ("一图读懂我市基层治理体制机制创新", "市融媒体中心", "municipal", "政策图解", ["sunpeng"], ""),
    ("推进机构编制法定化 建设法治政府", "市日报", "municipal", "理论", ["liuyang"], ""),
    ("“服务提质增效年”活动走深走实", "市融媒体中心", "municipal", "要闻", ["zhoujie", "xuli"], ""),
    ("编办党支部开展主题党日活动", "市日报", "municipal", "党建", ["wangqiang"], ""),
    ("城关区：编办干部下沉社区助力基层治理", "城关区融媒体", "county", "本地新闻", [], "罗鑫"),
    ("临河县优化乡镇机构设置", "临河县报", "county", "综合", [], "宋佳"),
]

EXPERTS = [
    ("王立新", "市委党校", "教授、公共管理教研部主任", "机构改革、公共管理、基层治理", "0351-7601201（办公）"),
    ("陈思远", "市社科院", "研究员、政治学研究所所长", "意识形态、政治学、舆论引导", "chensy@sky.example.cn"),
    ("刘晓梅", "市委党校", "副教授", "党的建设、理论武装", "0351-7601202（办公）"),
    ("赵建军", "市社科院", "副研究员", "经济政策、营商环境", "zhaojj@sky.example.cn"),
    ("孙文华", "山西大学政治与公共管理学院", "教授", "法治政府、行政法、编制法定化", "sunwh@univ.example.cn"),
    ("周敏", "市委政策研究室", "副主任", "政策研究、改革发展", "0351-7601203（办公）"),
    ("李国强", "市律师协会", "副会长、律师", "行政法、法律顾问", "0351-7601204（办公）"),
    ("吴雅琴", "市融媒体中心", "高级编辑", "新闻传播、新媒体、舆论引导", "0351-7601205（办公）"),
]

QUESTIONS = [
    # (channel, days ago received, days allowed, topic, question, state) — state: pending/answered/published
    ("website", 40, 15, "事业单位改革后人员安置", "事业单位改革后，原有在编人员的身份和待遇如何保障？", "published"),
    ("hotline", 35, 15, "乡镇机构设置调整", "乡镇机构调整后，群众办理社保、民政业务应到哪个窗口？", "published"),
    ("new_media", 30, 15, "机构编制信息公开", "部门“三定”规定在哪里可以查到？", "published"),
    ("open_day", 28, 15, "编制审批流程", "政府开放日上有市民问：新设立的便民服务中心编制如何审批？", "answered"),
    ("mailbox", 25, 15, "社区工作力量", "社区工作人员配备是否纳入编制管理？", "answered"),
    ("website", 22, 15, "事业单位登记", "事业单位法人年度报告在哪里公示，逾期未报如何处理？", "answered"),
    ("hotline", 24, 15, "基层减负", "基层反映部门向乡镇摊派任务多，编办如何推动权责清单落实？", "pending"),
    ("new_media", 20, 15, "机构改革宣传解读", "希望用通俗的图解介绍本轮机构改革后各部门职责。", "pending"),
    ("website", 6, 15, "编制资源向民生倾斜", "教育、卫生领域编制是否会增加？", "pending"),
    ("mailbox", 3, 15, "编外人员管理", "编外聘用人员管理有哪些规定？", "pending"),
]


def _clipping(ctx, n: int) -> SimpleUploadedFile:
    return SimpleUploadedFile(f"剪报{n:02d}.png", ctx.photo, content_type="image/png")


def build(ctx, log=print) -> None:
    city = ctx.units["city"]
    staff = ctx.users["zhoujie"]
    # Nothing is recorded after today, whatever day the demo is built for.
    today = min(ctx.today, timezone.localdate())
    year_start = date(today.year, 1, 1)
    span = max((today - year_start).days, 1)

    for n, (title, medium, level, column, authors, byline) in enumerate(PLACEMENTS, 1):
        day = year_start + timedelta(days=span * n // (len(PLACEMENTS) + 1))
        do_record_placement(staff, org_unit=city, title=title, medium=medium, level=level, column=column,
                            published_on=day, authors=[ctx.users[a] for a in authors], author_names=byline,
                            link=f"https://news.example.cn/{today.year}/{n:03d}.html", clipping=_clipping(ctx, n))
    log(f"已登记对外宣传刊发稿件 {len(PLACEMENTS)} 篇。")

    experts = [do_save_expert(staff, org_unit=city, name=name, organisation=organisation, position=position,
                              expertise=fields, contact=contact)
               for name, organisation, position, fields, contact in EXPERTS]
    log(f"已建立政策解读专家库（{len(experts)}位专家）。")

    for title, offset, topics, media in [
        ("全市机构编制工作新闻发布会", span // 3, "通报上半年机构改革进展；解读事业单位改革政策。",
         "市日报、市广播电视台、市融媒体中心、山西日报驻市记者站"),
        ("深化基层治理体制机制创新新闻发布会", span * 5 // 6, "发布乡镇（街道）权责清单；回应基层减负关切。",
         "市日报、市融媒体中心、黄河新闻网"),
    ]:
        do_save_press_conference(
            staff, org_unit=city, title=title, held_on=year_start + timedelta(days=offset), place="市新闻发布厅",
            host="市委宣传部新闻发言人", spokespeople="李娜 市委编办副主任\n陈静 机构编制一科科长", topics=topics,
            media_count=len(media.split("、")), media_names=media,
            summary="发布会上，发布人介绍了有关情况并回答了记者提问。")
    log("已登记新闻发布会 2 场。")

    for k, (policy, body, form, channel, chosen) in enumerate([
        ("关于深化事业单位改革的实施意见", "市委办公室 市政府办公室", "text", "市政府门户网站“政策解读”栏目", [0, 4]),
        ("乡镇（街道）履行职责事项清单", "市委编办", "graphic", "市委编办微信公众号", [0, 5]),
        ("机构编制管理条例实施办法", "市委编办", "interview", "市广播电视台《政策直通车》", [4, 6]),
    ]):
        do_save_interpretation(staff, org_unit=city, policy_title=policy, issuing_body=body,
                               published_on=year_start + timedelta(days=span * (k + 1) // 4), form=form,
                               channel=channel, experts=[experts[i] for i in chosen],
                               summary="从出台背景、主要内容、创新举措三方面进行解读。")
    log("已登记政策解读 3 次。")

    for channel, ago, allowed, topic, text, state in QUESTIONS:
        received = today - timedelta(days=ago)
        question = do_record_question(staff, org_unit=city, channel=channel, received_on=received, topic=topic,
                                      question=text, due_on=received + timedelta(days=allowed))
        if state == "pending":
            continue
        answered = received + timedelta(days=allowed - 3)
        question = do_answer_question(staff, question, answered_on=answered,
                                      answer=f"感谢您的关注。关于“{topic}”，答复如下：我办已会同有关部门研究，"
                                             "将按照有关政策规定妥善处理，并通过门户网站及时公开进展。")
        if state == "published":
            do_publish_answer(staff, question, published_on=answered + timedelta(days=1))
    log(f"已登记群众关切 {len(QUESTIONS)} 件（含超期未答复）。")
