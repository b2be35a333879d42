"""Demo data of the content part: articles in the city office's outlets at every stage of 三审三校.

Published ones (each a ledger activity), one in 复审 waiting for 李娜 with proofreading findings, one
returned to its author with a comment, one approved and waiting to be published, one draft, and an
interview request approved. Written only through the services; the outlets are those the register
part created, looked up by name.
"""

from dataclasses import dataclass
from datetime import datetime, time, timedelta

from django.utils import timezone

from ideowork.core.actions.reviews import active_stage, do_decide, eligible_users, open_review
from ideowork.outlets.actions.content import (do_create_content, do_publish_content, do_revise_content,
                                              do_submit_content, do_waive_finding)
from ideowork.outlets.findings import content_findings, open_errors
from ideowork.outlets.models import Outlet

__all__ = ["build", "build_organ", "OrganContent", "ORGANS", "ARTICLES"]

WECHAT, WEBSITE, BOARD = "市委编办微信公众号", "市委编办门户网站", "机关宣传栏"

MEETING = """3月12日，市委编办召开2026年度意识形态工作专题会议，传达学习中央和省委、市委关于意识形态工作的决策部署，研究部署全年意识形态工作。市委编办主任张伟主持会议并讲话，班子成员、各科室负责同志参加会议。
会议指出，意识形态工作是为国家立心、为民族立魂的工作。过去一年，市委编办认真落实意识形态工作责任制，理论武装持续深化，宣传阵地管理不断规范，干部队伍思想政治素质进一步提升，为机构编制事业发展提供了坚强思想保证。
会议强调，要坚持以习近平新时代中国特色社会主义思想为指导，深刻领悟“两个确立”的决定性意义，增强“四个意识”、坚定“四个自信”、做到“两个维护”。要把意识形态工作同机构编制业务工作紧密结合，同部署、同落实、同检查、同考核。
会议要求，一要压紧压实责任，主要负责同志履行第一责任人职责，班子成员落实“一岗双责”；二要加强阵地建设管理，严格执行信息发布三审三校制度，确保公众号、门户网站、宣传栏等阵地导向正确；三要强化风险防范，定期分析研判意识形态领域形势，妥善处置苗头性倾向性问题。
会上，各科室负责同志围绕本科室意识形态工作作了交流发言。会议审议通过了《市委编办2026年意识形态工作要点》和《意识形态工作责任清单》，明确了6个方面24项具体任务，逐项落实责任科室和完成时限。
会议要求，各科室要对照责任清单抓好落实，每季度报送工作进展，年底对照清单逐项考核。办公室要加强统筹协调和督促检查，确保各项任务按期完成、取得实效。"""

REFORM = """近年来，我市坚持把深化事业单位改革作为推进治理体系和治理能力现代化的重要抓手，统筹推进分类改革、布局优化和管理创新，事业单位改革取得阶段性成效。
在优化布局结构方面，按照“撤并整合一批、优化提升一批、规范管理一批”的思路，对职能相近、规模偏小、长期空转的事业单位进行整合。全市事业单位由改革前的1126个精简为874个，精简比例22.4%，收回的编制资源重点用于教育、卫生健康等民生领域。
在强化公益属性方面，推动公益服务资源向基层倾斜，将部分编制下沉到乡镇（街道），增强基层为民服务能力。同时，清理规范事业单位承担的行政职能，做到政事分开、管办分离。目前，全市承担行政职能的事业单位已全部完成清理规范，相关职能回归行政机关。
在创新管理方式方面，全面推行事业单位法人年度报告公示制度，建立健全绩效评估机制，将评估结果作为调整机构编制的重要依据。今年共有868个事业单位按时报送年度报告，报送率99.3%，对逾期未报的6个单位进行了督促提醒。
在加强队伍建设方面，组织开展事业单位登记管理业务培训2期，培训登记管理人员120余人次，进一步提升了依法登记、规范管理的能力和水平。
下一步，市委编办将持续巩固改革成果，加强事后监管，推动事业单位改革向纵深发展，为全市高质量发展提供有力的体制机制保障。"""

BOARD_TEXT = """学习贯彻党的二十届四中全会精神专栏
本期宣传栏围绕学习贯彻党的二十届四中全会精神，分为“全会精神要点”“编办在行动”“学习心得摘登”三个板块。宣传栏位于机关一楼大厅，是展示编办干部职工精神风貌、宣传机构编制工作的重要阵地。
“全会精神要点”板块摘录全会公报重要内容，用图文形式解读全会提出的目标任务。
“编办在行动”板块展示市委编办理论学习中心组集中学习、青年理论学习小组专题研讨等活动照片，介绍各科室结合机构编制工作抓好全会精神贯彻落实的具体举措。
“学习心得摘登”板块选登干部职工学习心得体会6篇，交流学习收获，营造比学赶超的浓厚氛围。
此外，本期还设置了“机构编制知识问答”栏目，以问答形式介绍机构编制法规常识，方便来访群众了解机构编制工作。
为做好本期更新，综合科提前一个月征集稿件，共收到各科室报送的图文材料20余份，经筛选编排形成展板8块。所有展出内容均按照信息发布审核制度，经一校、初审、二校、复审、三校、终审后方才上墙，做到内容准确、导向正确、版面规范。欢迎干部职工和来访群众驻足观看，提出意见建议。
本期宣传栏由综合科负责编排，经三审三校审核后更新，展出至下一季度更新。"""

IN_REVIEW = """今年以来，市委编办坚持以习近平新时代中国特色社会主义思想为指导，围绕全市中心工作，坚持“控总量、盘存量、优结构、保重点”，以高质量机构编制工作服务保障全市发展大局。
一、坚持政治引领，把牢机构编制工作正确方向
全办干部深刻领悟“两个确立”的决定性意义，增强“四个意识”、坚定“四个自信”、做到“两个维护”，自觉在思想上政治上行动上同党中央保持高度一致。坚持重大事项请示报告制度，凡涉及机构设置、职能调整、编制配备的重要事项，一律按程序报市委编委审定。
二、坚持服务大局，优化编制资源配置
截止目前，全市共调整编制资源386名，重点保障教育、卫生健康、应急管理等领域的用编需求。对长期空编的单位，按照“有减有增”的原则收回编制，统筹用于重点领域和基层一线。同时，建立编制周转池制度，对急需用编的重点项目实行“先入池、后使用、再核销”，有效缓解了重点领域用编紧张的问题。
三、坚持改革创新，推进机构职能体系建设
深入推进“三定”规定执行情况评估，对履职中出现的职责交叉、边界不清等问题，及时协调理顺。推进乡镇（街道）机构改革，赋予基层更多的的自主权，推动资源、服务、管理向基层下沉。
四、坚持依规管理，严肃机构编制纪律
严格执行机构编制审批程序，全面落实机构编制实名制管理，定期开展机构编制核查。对超编进人、擅自设立机构等违规问题，坚决予以纠正。今年以来，共开展机构编制核查2次，督促整改问题11个，机构编制管理的严肃性和权威性进一步增强。
下一步，市委编办将继续坚持稳中求进工作总基调，以更高标准、更实举措推动机构编制工作提质增效。"""

RETURNED = """为进一步严肃机构编制纪律，4月至5月，市委编办监督检查科在全市开展机构编制专项检查，重点检查机构设置、编制使用、领导职数配备和实名制管理等情况。
检查采取单位自查、实地核查、抽查复核相结合的方式，共检查市直部门和事业单位42个。检查组由监督检查科牵头，抽调机构编制一科、二科和事业单位登记管理科业务骨干组成，逐一核对了各单位的机构设置文件、编制台账、人员花名册和工资发放情况。检查发现，个别单位存在超职数配备干部、编制台账更新不及时等问题。
针对检查发现的问题，监督检查科已向相关单位反馈，督促限期整改。
从检查情况看，绝大多数单位能够严格执行机构编制规定，机构编制管理总体规范，但也有少数单位对机构编制工作重视不够，存在先进人后报编、编制使用计划执行不严等问题。
下一步，监督检查科将加强跟踪督办，对整改不到位的单位进行约谈，并将检查结果作为年度机构编制评估的重要参考。同时，结合检查中发现的共性问题，研究完善机构编制管理制度，从源头上堵塞管理漏洞。"""

RETURNED_COMMENT = "第二段的检查数字请与年度报告核对一致；发现问题的整改要求和时限要写具体，并补充下一步工作打算。"

APPROVED = """为深入开展“服务提质增效年”主题实践活动，市委编办从4月起在全办开展“走基层、解难题、优服务”系列活动。
活动期间，各科室负责同志带队深入市直部门、县（市、区）和乡镇（街道），围绕机构编制工作中的堵点难点开展调研，累计走访单位36个，收集意见建议58条，已办结51条。
市委编办还梳理编制了《机构编制业务办理指南》，明确各类事项的办理条件、所需材料和时限要求，实行“一次告知、限时办结”，切实提升服务质量和效率。
在调研中，调研组发现部分乡镇（街道）反映编制资源紧张、专业技术人员不足等问题。对此，市委编办及时研究提出解决方案，通过编制周转池调剂编制15名，支持乡镇（街道）补充急需专业人员。
活动中，全办干部还结合“我为群众办实事”实践活动，为基层单位提供业务指导和政策解读40余次，得到了基层单位的普遍好评。
为确保活动取得实效，市委编办成立了由主要负责同志任组长的活动领导小组，制定了活动实施方案，明确了时间表、路线图和责任人，每月召开一次推进会，通报工作进展，研究解决问题。
下一步，市委编办将把活动成效转化为长效机制，持续优化机构编制服务，为全市高质量发展贡献编办力量。"""

DRAFT = """编外人员是机关事业单位工作力量的重要补充，但在一些地方也存在数量增长过快、管理不够规范等问题。加强编外人员管理，是严格控制机构编制、防止“编外养人”的必然要求。
一是摸清底数。建议由机构编制部门牵头，会同组织、人社、财政等部门，对全市机关事业单位编外人员进行全面摸底，建立动态管理台账。
二是严控总量。对编外人员实行总量控制，新增编外用人须按程序报批，严禁以编外人员替代在编人员履行行政职能。对确需使用编外人员的岗位，应当明确岗位职责和使用期限，避免编外人员长期固化。
三是规范管理。建立编外人员准入、考核、退出机制，实行合同管理和台账管理，相关信息纳入机构编制实名制系统，做到底数清、情况明。
四是强化监督。将编外人员管理情况纳入机构编制监督检查范围，对违规使用编外人员的单位，责令限期整改，并视情核减相应编制。
从调研了解的情况看，一些单位编外人员数量已接近甚至超过在编人员数量，有的编外人员实际从事行政执法等工作，存在一定风险隐患，需要引起高度重视。"""

INTERVIEW = """市广播电视台《今日关注》栏目拟于近期制作事业单位改革专题节目，申请采访市委编办。
采访内容：我市深化事业单位改革的主要做法、取得的成效和下一步打算。
拟接受采访人员：市委编办事业单位登记管理科科长黄敏。
采访口径：以市委编办已公开发布的改革数据和工作情况为准，不涉及尚未审定的改革方案和人员安置具体细节。
采访形式：在市委编办会议室录制，时长约20分钟，播出前由市委编办审看节目内容。
采访提纲（由栏目组提供）：一是我市事业单位改革的总体思路和主要做法；二是改革后事业单位数量和编制资源配置的变化；三是改革如何提升公益服务水平；四是下一步深化改革的重点。
经审核，采访提纲所涉内容均在已公开信息范围内。采访前，综合科将会同事业单位登记管理科准备答问口径，确保数据准确、表述规范。
节目播出后，综合科将节目链接报送市委宣传部，并在市委编办微信公众号转发。当否，请批示。"""

# (key, author, outlet name, title, body, kind)
ARTICLES = [
    ("meeting", "sunpeng", WECHAT, "市委编办召开2026年度意识形态工作专题会议", MEETING, "article"),
    ("reform", "linfeng", WEBSITE, "我市深化事业单位改革取得阶段性成效", REFORM, "article"),
    ("board", "xuli", BOARD, "机关宣传栏更新：学习贯彻党的二十届四中全会精神专栏", BOARD_TEXT, "article"),
    ("in_review", "mayue", WECHAT, "以高质量机构编制工作服务保障全市发展大局", IN_REVIEW, "article"),
    ("returned", "guoting", WEBSITE, "市委编办开展机构编制专项检查", RETURNED, "article"),
    ("approved", "hujun", WEBSITE, "市委编办开展“服务提质增效年”主题实践活动", APPROVED, "article"),
    ("draft", "mayue", None, "关于加强编外人员管理的几点思考", DRAFT, "article"),
    ("interview", "sunpeng", None, "关于市广播电视台采访我办事业单位改革工作的申请", INTERVIEW, "interview"),
]
PUBLISHED_DAYS_AGO = {"meeting": 45, "reform": 20, "board": 8}
APPROVED_KEYS = ("meeting", "reform", "board", "approved", "interview")

GOV_WEBSITE, GOV_WECHAT = "市人民政府门户网站", "“市政府发布”微信公众号"
GOV_OPEN_DAY = """5月16日，市政府办公室举办“政府开放日”活动，邀请30余名市民代表、人大代表和政协委员走进市政府机关，近距离了解政府工作。
市民代表先后参观了市政务服务中心、“12345”政务服务便民热线平台和市政府机关文化长廊，听取了“一网通办”改革、政务公开工作情况介绍。
座谈会上，市政府办公室负责同志就市民关心的政务服务事项办理、政策信息查询等问题逐一作了解答，并现场收集意见建议12条。
下一步，市政府办公室将认真梳理市民代表提出的意见建议，逐条研究落实，持续推进政务公开，提升政务服务水平。"""
GOV_POLICY = """为帮助广大市民和市场主体及时了解、准确把握我市新出台的支持中小企业发展若干措施，市人民政府门户网站“政策直通车”栏目推出专题解读。
一、出台背景。中小企业是稳就业、保民生的重要力量。为进一步优化营商环境、激发市场活力，我市结合实际制定了支持中小企业发展若干措施。
二、主要内容。措施从降低经营成本、加大融资支持、鼓励创新发展、优化政务服务四个方面提出了16条具体举措。
三、申请方式。符合条件的企业可通过市政务服务网“惠企政策”专区在线申请，也可到市政务服务中心综合窗口办理。
如有疑问，可拨打“12345”政务服务便民热线咨询。"""
GOV_TRAINING = """11月20日，市政府办公室举办全市政务新媒体从业人员培训班，各县（市、区）政府办公室和市直部门政务新媒体负责同志共80余人参加培训。
培训围绕政务新媒体内容建设、信息发布审核、网络舆情应对等内容进行专题辅导，并通报了近期政务新媒体检查中发现的问题。
培训强调，要严格落实信息发布“三审三校”制度，坚持先审后发，确保发布内容准确权威、导向正确；对长期不更新、无人维护的账号，要按程序关停整合。"""
GOV_SUMMARY = """今年以来，市政府办公室认真落实意识形态工作责任制，深入推进政务公开，政务新媒体建设管理水平不断提升。
一是完善制度机制。修订政务新媒体管理办法，明确账号开设、内容发布、日常运维等各环节责任，全市政务新媒体均建立了信息发布审核台账。
二是加强内容建设。市人民政府门户网站开设“政策直通车”“政府开放日”等栏目，全年发布政策解读文章120余篇。
三是强化监督检查。每季度开展政务新媒体检查，对发现的问题及时通报、限期整改。"""
GOV_CLEANUP = """按照政务新媒体专项整治工作部署，市政府办公室对全市政务新媒体账号进行了全面排查，共排查账号136个。
对排查中发现的“僵尸号”“睡眠号”，已督促主办单位关停整合23个，全市政务新媒体账号数量进一步精简，内容质量明显提升。"""
GOV_DRAFT = """政务新媒体是党和政府联系群众、服务群众、凝聚群众的重要渠道。做好新形势下的政务新媒体工作，要坚持正确政治方向，把握舆论导向，着力提升传播力、引导力、影响力、公信力。"""
GOV_HOTLINE = """“12345”政务服务便民热线运行情况通报：今年前三季度，热线共受理市民诉求18.6万件，按时办结率98.7%，群众满意率96.2%。
热线坚持“接诉即办”，对涉及群众切身利益的急难愁盼问题建立督办机制，推动一批民生问题得到解决。"""

# (key, author, outlet name, title, body, kind)
GOV_ARTICLES = [
    ("open_day", "gov_lu", GOV_WEBSITE, "市政府办公室举办“政府开放日”活动", GOV_OPEN_DAY, "article"),
    ("policy", "gov_qin", GOV_WEBSITE, "“政策直通车”：一图读懂支持中小企业发展若干措施", GOV_POLICY, "article"),
    ("training", "gov_qin", GOV_WECHAT, "全市政务新媒体从业人员培训班举办", GOV_TRAINING, "article"),
    ("summary", "gov_cadre", GOV_WEBSITE, "市政府办公室扎实推进政务公开工作", GOV_SUMMARY, "article"),
    ("cleanup", "gov_lu", GOV_WECHAT, "全市政务新媒体专项整治取得阶段性成效", GOV_CLEANUP, "article"),
    ("hotline", "gov_cadre", GOV_WECHAT, "“12345”政务服务便民热线前三季度运行情况", GOV_HOTLINE, "article"),
    ("draft", "gov_qin", None, "关于提升政务新媒体传播力的几点思考", GOV_DRAFT, "article"),
]


@dataclass(frozen=True)
class OrganContent:
    """An organ's articles at every stage of 三审三校: which are approved, published (days ago), and
    which one waits at which stage; the rest stay drafts."""

    key: str  # the organ's unit key in ctx.units
    publisher: str  # who records the publications
    waiver: str  # the leader who confirms proofreading findings before signing
    articles: list
    approved: tuple
    published: dict
    in_review: str
    waiting_at: str
    waiting_for: str  # who decides the waiting stage, for the log
    returned: str = ""


ORGANS = [
    OrganContent(key="city", publisher="zhoujie", waiver="lina", articles=ARTICLES, approved=APPROVED_KEYS,
                 published=PUBLISHED_DAYS_AGO, in_review="in_review", waiting_at="复审", waiting_for="李娜",
                 returned="returned"),
    OrganContent(key="gov", publisher="gov_staff", waiver="gov_deputy", articles=GOV_ARTICLES,
                 approved=("open_day", "policy", "training", "summary", "cleanup"),
                 published={"open_day": 200, "policy": 120, "training": 13, "summary": 30, "cleanup": 60},
                 in_review="hotline", waiting_at="复审", waiting_for="沈雁"),
]


def _outlet(ctx, key, name):
    if name is None:
        return None
    return Outlet.objects.filter(org_unit=ctx.units[key], name=name).first()


def _decide(review, decision="approve", comment="", until=None, waiver_by=None) -> None:
    """Decide stages in turn, each by someone allowed to, until the stage named ``until`` is active
    (or, in a flow without such a stage, the signing one).

    Before the signing stage, ``waiver_by`` confirms any proofreading error still open.
    """
    names = set(review.stages.values_list("name", flat=True))
    while (stage := active_stage(review)) is not None and stage.name != until:
        if until is not None and until not in names and stage.signs:
            return
        subject = review.subject
        if stage.signs and waiver_by is not None:
            for finding in open_errors(subject, content_findings(subject.latest)):
                do_waive_finding(waiver_by, subject, rule=finding["rule"], text=finding["text"],
                                 reason="经核对属规范表述，确认保留。")
        person = eligible_users(stage).first()
        do_decide(person, review, stage_id=stage.pk, version=review.version, decision=decision,
                  comment=comment or ("同意。" if stage.kind == "review" else "已校对。"))
        review.refresh_from_db()
        if decision != "approve":
            return


def build(ctx, log=print) -> None:
    for organ in ORGANS:
        if organ.key in ctx.units:
            build_organ(ctx, organ, log)


def build_organ(ctx, organ: OrganContent, log=print) -> None:
    users, staff, deputy = ctx.users, ctx.users[organ.publisher], ctx.users[organ.waiver]
    today = min(ctx.today, timezone.localdate())
    made, outlet_names = {}, {}
    for key, author, outlet_name, title, body, kind in organ.articles:
        outlet_names[key] = outlet_name
        writer = users[author]
        made[key] = do_create_content(writer, org_unit=writer.org_unit, kind=kind, title=title, body=body,
                                      outlet=_outlet(ctx, organ.key, outlet_name))
    for key in organ.approved:
        content = made[key]
        review = do_submit_content(content.author, content)
        _decide(review, waiver_by=deputy)
    for key, days in organ.published.items():
        day = max(today - timedelta(days=days), today.replace(month=1, day=1))
        # Never in the future: on New Year's morning "this year" is only minutes old.
        moment = min(timezone.make_aware(datetime.combine(day, time(10, 30))), timezone.now() - timedelta(minutes=1))
        # Where it appeared: the outlet's own address, or its name should the register not have it.
        where = "机关一楼大厅宣传栏" if key == "board" else "" if made[key].outlet_id else outlet_names[key]
        do_publish_content(staff, made[key], published_at=moment, where=where)

    # Waiting at its stage (复审: 一校, 初审 and 二校 done); the text may have proofreading findings.
    review = do_submit_content(made[organ.in_review].author, made[organ.in_review])
    _decide(review, until=organ.waiting_at)

    if organ.returned:
        # Returned to its author at 初审 with a comment; the author has started a second version.
        returned = made[organ.returned]
        review = do_submit_content(returned.author, returned)
        _decide(review, until="初审")
        _decide(review, decision="return_author", comment=RETURNED_COMMENT)
        do_revise_content(returned.author, returned, title=returned.title,
                          body=RETURNED.replace("共检查市直部门和事业单位42个", "共检查市直部门和事业单位45个"),
                          note="按初审意见核对检查数字（未完）")
    pending = open_review(made[organ.in_review])
    others = len(organ.approved) - len(organ.published)
    log(f"{ctx.units[organ.key].display_name}：已建立稿件{len(made)}篇，已发布{len(organ.published)}篇，"
        f"《{made[organ.in_review].title}》在{active_stage(pending).name}环节待{organ.waiting_for}审核"
        + ("，1篇退回修改" if organ.returned else "") + (f"，{others}件已批准待发布或使用" if others else "") + "。")
