"""Target extraction on single sentences: what is a counted requirement and what is not."""

from __future__ import annotations

import pytest

from ideowork.plans.parser.targets import extract_targets


def _read(sentence: str) -> list[tuple]:
    return [(t.text, t.count, t.unit, t.period, t.comparator, t.per, t.explicit) for t in extract_targets(sentence)]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("结合实际制定学习计划，全年集中学习不少于12次，",
     ("全年集中学习不少于12次", 12, "次", "year", ">=", "org", True)),
    ("严格落实学习制度，每月开展1次集中学习研讨，聚焦重点。",
     ("每月开展1次集中学习研讨", 1, "次", "month", "=", "org", True)),
    ("中心组成员带头撰写心得体会、调研报告不少于4篇。",
     ("中心组成员带头撰写心得体会、调研报告不少于4篇", 4, "篇", "year", ">=", "person", True)),
    ("建立“每周微学习”机制，利用机关例会前30分钟开展交流。",
     ("每周微学习", 1, "次", "week", "=", "org", False)),
    ("加强监测，每日巡查主流媒体、社交平台涉及本地的信息，",
     ("每日巡查主流媒体", 1, "次", "day", "=", "org", False)),
    ("定期排查，每季度对办公网络、信息系统进行安全检测，及时修补漏洞。",
     ("每季度对办公网络、信息系统进行安全检测", 1, "次", "quarter", "=", "org", False)),
    ("上半年、下半年各开展1次巡听旁听。",
     ("上半年、下半年各开展1次巡听旁听", 1, "次", "halfyear", "=", "org", True)),
    ("上下半年各组织1次应急演练。",
     ("上下半年各组织1次应急演练", 1, "次", "halfyear", "=", "org", True)),
    ("党委每半年专题研究一次意识形态工作。",
     ("每半年专题研究一次意识形态工作", 1, "次", "halfyear", "=", "org", True)),
    ("干部每人每年参加集中培训不少于40学时。",
     ("每人每年参加集中培训不少于40学时", 40, "学时", "year", ">=", "person", True)),
    ("全年在省级以上报刊发表文章至少2篇。",
     ("全年在省级以上报刊发表文章至少2篇", 2, "篇", "year", ">=", "org", True)),
    ("班子成员每年撰写调研报告不少于3篇以上。",
     ("班子成员每年撰写调研报告不少于3篇以上", 3, "篇", "year", ">=", "person", True)),  # the subject says whose
    ("对政务新媒体每两个月开展1次全面检查。",
     ("每两个月开展1次全面检查", 6, "次", "year", "=", "org", True)),
    ("门户网站每旬更新1次工作动态。",
     ("每旬更新1次工作动态", 3, "次", "month", "=", "org", True)),
    ("青年理论学习小组每两周开展1次学习交流。",
     ("每两周开展1次学习交流", 2, "次", "month", "=", "org", True)),
    ("中心组集中学习不少于12次/年。",
     ("中心组集中学习不少于12次/年", 12, "次", "year", ">=", "org", True)),
    ("每季度开展专题学习，不少于1次。",
     ("每季度开展专题学习，不少于1次", 1, "次", "quarter", ">=", "org", True)),
    ("刊发宣传稿件10余篇。", ("刊发宣传稿件10余篇", 10, "篇", "year", ">=", "org", True)),
    ("每月召开座谈会2至3次。", ("每月召开座谈会2至3次", 2, "次", "month", ">=", "org", True)),
    ("每次会议时长不超过2小时，全年会议不超过6次。",
     ("全年会议不超过6次", 6, "次", "year", "<=", "org", True)),
    ("累计培训党员干部2万人次。", ("累计培训党员干部2万人次", 20000, "人次", "year", "=", "org", True)),
    ("全年开展网络安全进机关等活动不少于３０场次。",
     ("全年开展网络安全进机关等活动不少于３０场次", 30, "场次", "year", ">=", "org", True)),
    ("按季度开展内容安全检查，发现问题限期整改。",
     ("按季度开展内容安全检查", 1, "次", "quarter", "=", "org", False)),
    ("党员干部每日登录学习强国平台。", ("每日登录学习强国平台", 1, "次", "day", "=", "person", False)),
    ("每名网评员每月撰写网络评论不少于5条。",
     ("每名网评员每月撰写网络评论不少于5条", 5, "条", "month", ">=", "person", True)),
])
def test_one_target(sentence, expected):
    assert _read(sentence) == [expected]


def test_two_frequencies_in_one_clause():
    assert [t[0] for t in _read("每月开展1次集中学习、每季度开展1次专题研讨。")] == [
        "每月开展1次集中学习", "每季度开展1次专题研讨"]
    # 每月 has no number of its own here: it is a frequency requirement by itself.
    assert [(t[0], t[3], t[6]) for t in _read("每月开展学习、每季度开展1次研讨。")] == [
        ("每月开展学习", "month", False), ("每季度开展1次研讨", "quarter", True)]


def test_organising_verb_makes_the_count_the_organisations():
    assert _read("组织党员干部参加集中培训不少于2次。")[0][5] == "org"
    assert _read("县委网信办每年组织网信干部参加业务培训不少于2次。")[0][5] == "org"
    assert _read("习近平总书记关于教育的重要论述开展专题研讨不少于4次。")[0][5] == "org"


@pytest.mark.parametrize("sentence", [
    "2026年，市委编办机关意识形态工作以习近平新时代中国特色社会主义思想为指导。",
    "全面落实党的二十届四中全会、二十届中央纪委五次全会精神。",
    "结合习近平总书记关于机构编制工作“八个必须坚持”重要论述。",
    "利用机关例会前30分钟，开展政策解读。",
    "严格落实“第一议题”制度，对政治上不合格的干部实行“一票否决”。",
    "实行“三审三校”制度，坚决反对“四风”。",
    "构建“一把手”负总责、分管领导具体抓的责任体系。",
    "深刻领悟“两个确立”的决定性意义，做到“两个维护”。",
    "严格执行中央八项规定及其实施细则精神。",
    "开发制作一批高质量的网络公开课和微党课。",
    "重要情况第一时间报告，一次性告知办理要求。",
    "整改时限不超过5个工作日，一般舆情处置时限不超过2天。",
    "3个月内完成整改，考核权重不低于10%。",
    "每次安排2名成员作重点发言。",
    "定期召开市政府机关意识形态工作联席会议。",
    "年度开展综合考核，考核结果纳入年度考核。",
    "组织学习《习近平谈治国理政》第四卷。",
    "建立7×24小时网络舆情监测值班制度。",
    "围绕三个方面开展工作，做好三件事。",
    "明确两名分管领导负责。",
    "抓好年度三项重点工作。",
])
def test_not_a_target(sentence):
    assert _read(sentence) == []


def test_offsets_hold_in_the_original_text():
    text = "建立台账，每季度开展１次思想状况调研，精准掌握动态。"
    (target,) = extract_targets(text)
    assert text[target.start:target.end] == target.text == "每季度开展１次思想状况调研"
    assert target.count == 1
