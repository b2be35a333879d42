"""De-duplication and events: exact reprints, near-duplicates, one incident in other words, two incidents apart."""

import opencc

from ideowork.opinion.analysis import EventIndex, Signature, assign_events, signature
from ideowork.opinion.analysis.events import feature_names

TONGCHENG = ("5月27日4时37分，桐城市变更发布暴雨红色预警，启动重大气象灾害（暴雨）三级应急响应，紧急转移受困群众76人。"
             "26日傍晚起，范岗镇西小河水位暴涨漫出堤坝，部分群众家中进水。截至27日中午12时，桐城市平均累积雨量超过"
             "200毫米，最大累积雨量达278毫米，部分道路积水严重、交通受阻。")
WANGCANG = ("2日晚起，旺苍县普降大到暴雨，局部大暴雨，累计降雨量最高达219.1毫米。三江镇石洞沟社区山洪暴发，冲垮沿线"
            "部分村道，农田被淹。暴雨造成该县2895人受灾，紧急转移避险人员2900余人，5个乡镇启动地质灾害二级预警响应。")


def test_an_exact_reprint_joins():
    index = EventIndex()
    first = index.add(signature("桐城发布暴雨红色预警", TONGCHENG))
    again = index.add(signature("桐城发布暴雨红色预警", TONGCHENG + "  "))
    assert first.how == "new" and again.how == "exact" and again.key == first.key


def test_a_traditional_repost_and_a_changed_headline_are_near_duplicates():
    index = EventIndex()
    first = index.add(signature("桐城发布暴雨红色预警", TONGCHENG))
    s2t = opencc.OpenCC("s2t")
    repost = index.add(signature(s2t.convert("桐城暴雨 转移76人"), s2t.convert(TONGCHENG)))
    headline = index.add(signature("安徽桐城一夜暴雨", "【转自大皖新闻】" + TONGCHENG[:120]))
    assert repost.key == headline.key == first.key
    assert {repost.how, headline.how} <= {"exact", "near"}


def test_the_same_incident_in_other_words_joins_and_another_flood_stays_apart():
    index = EventIndex()
    first = index.add(signature("桐城发布暴雨红色预警", TONGCHENG))
    retold = index.add(signature("范岗镇沥岗村连夜把受困老人背出来",
                                 "强降雨从5月26日傍晚开始，桐城市范岗镇西小河水位一夜暴涨。27日早上5点，沥岗村组织抢险"
                                 "队伍探水进村，把受困老人一一背出来。"))
    other = index.add(signature("旺苍县遭遇大暴雨 紧急转移避险2900余人", WANGCANG))
    assert retold.key == first.key and retold.how == "event"
    names = feature_names("范岗镇沥岗村连夜把受困老人背出来", "强降雨从5月26日傍晚开始，桐城市范岗镇西小河水位一夜暴涨。")
    assert {"乡镇村社区：范岗镇", "市：桐城市"} <= {names[f] for f in retold.shared if f in names}
    assert other.key != first.key and other.how == "new"


def test_the_same_place_months_apart_is_another_event():
    index = EventIndex()
    first = index.add(signature("桐城发布暴雨红色预警", TONGCHENG, day=19504))
    later = index.add(signature("范岗镇西小河再次漫堤", "范岗镇西小河水位暴涨，部分群众家中进水，桐城市启动应急响应。",
                                day=19504 + 90))
    assert later.key != first.key


def test_signatures_are_small_ints_and_restore_rebuilds_the_index():
    sig = signature("桐城发布暴雨红色预警", TONGCHENG, day=19504)
    assert isinstance(sig, Signature) and isinstance(sig.exact, int)
    assert all(isinstance(v, int) for v in sig.sketch + sig.features) and len(sig.sketch) <= 32
    assert all(0 <= v < 2**63 for v in (sig.exact, *sig.sketch, *sig.features))   # a PostgreSQL bigint each
    index = EventIndex()
    key = index.add(sig).key
    restored = EventIndex()
    restored.restore(key, Signature(sig.exact, tuple(sig.sketch), tuple(sig.features), sig.day))
    assert restored.add(signature("范岗镇沥岗村", "5月27日桐城市范岗镇紧急转移群众76人。", day=19504)).key == key
    assert restored.find(signature("旺苍县暴雨", WANGCANG)) is None


def test_the_batch_form_keeps_input_order():
    keys = [a.key for a in assign_events([("桐城暴雨", TONGCHENG, None), ("旺苍暴雨", WANGCANG, None),
                                          ("桐城暴雨", TONGCHENG, None)])]
    assert keys[0] == keys[2] != keys[1]


def test_two_accidents_in_the_same_town_on_different_days_stay_apart():
    index = EventIndex()
    first = index.add(signature("古县镇一轿车侧翻", "2月7日14时50分许，永丰县古县镇新元村路段一辆小型轿车侧翻至池塘，"
                                "造成3人死亡。"))
    other = index.add(signature("古县镇一货车与三轮车相撞", "3月2日8时许，永丰县古县镇上堡村路段一辆货车与三轮车相撞，"
                                "造成1人受伤。"))
    again = index.add(signature("永丰古县镇侧翻事故3人遇难", "2月7日下午，古县镇新元村路段一辆轿车侧翻入池塘，3人死亡。"))
    assert other.key != first.key
    assert again.key == first.key


def test_two_stories_of_one_county_that_share_only_words_every_report_uses_stay_apart():
    # The county's name (a feature, and its characters again as title bigrams) and one word that
    # any opinion item's title uses (反映, 官方回应) once made these one event.
    index = EventIndex()
    business = index.add(signature("临河县营商环境：有企业在留言板反映审批材料要求不一",
                                   "有企业在临河县政务服务网留言板反映，同一审批事项各窗口要求的材料不一，部门已统一清单。"))
    enrolment = index.add(signature("临河县入学报名系统拥堵，家长反映一上午登不上",
                                    "今天上午临河县学位报名系统拥堵，不少家长反映页面打不开，咨询电话也占线，希望尽快解决。"))
    retold = index.add(signature("入学报名系统又崩了？临河县家长排队咨询",
                                 "临河县入学报名系统拥堵，家长到教育局窗口排队咨询，现场秩序正常。"))
    assert enrolment.key != business.key and enrolment.how == "new"
    assert retold.key == enrolment.key and retold.how == "event"
    levee = index.add(signature("青山县网传堤防险情，官方回应：不实", "网传青山县某河段堤防出现险情，水利部门核实系例行加固施工。"))
    water = index.add(signature("青山县多名居民反映自来水浑浊，官方回应",
                                "青山县城区部分居民反映自来水发黄浑浊，供水部门回应称系管网冲洗所致。"))
    assert water.key != levee.key


def test_the_seat_quarters_of_a_county_are_places():
    # 城 begins no place name (城市社区 is none), but many counties have a 城关镇 or a 城东街道.
    names = set(feature_names("城关镇一小区电梯停运 城东街道也有居民反映", "城中村改造推进中，城市社区服务站已介入。").values())
    assert {"乡镇村社区：城关镇", "乡镇村社区：城东街道"} <= names
    assert not any(name.endswith(("城中村", "城市社区")) for name in names)
    index = EventIndex()
    lift = index.add(signature("城关镇锦绣小区电梯停运三天", "城关镇锦绣小区3号楼电梯停运三天，老人上下楼困难，物业称在等配件。"))
    again = index.add(signature("城关镇：锦绣小区电梯已恢复运行", "城关镇锦绣小区电梯停运一事，镇里督促物业更换配件，今天已恢复运行。"))
    water = index.add(signature("城西街道停水通知", "因管网改造，城西街道部分小区明日停水八小时。"))
    assert again.key == lift.key and water.key != lift.key
