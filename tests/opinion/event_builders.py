"""Shared builders of the event tests: a unit watching floods, and reports of two floods in two places."""

from ideowork.opinion.actions.ingest import do_ingest_items

from .factories import make_scheme, register_source

TONGCHENG = ("5月27日4时37分，桐城市变更发布暴雨红色预警，启动重大气象灾害（暴雨）三级应急响应，紧急转移受困群众76人。"
             "26日傍晚起，范岗镇西小河水位暴涨漫出堤坝，部分群众家中进水。截至27日中午12时，桐城市平均累积雨量超过"
             "200毫米，最大累积雨量达278毫米，部分道路积水严重、交通受阻。")
WANGCANG = ("2日晚起，旺苍县普降大到暴雨，局部大暴雨，累计降雨量最高达219.1毫米。三江镇石洞沟社区山洪暴发，冲垮沿线"
            "部分村道，农田被淹。暴雨造成该县2895人受灾，紧急转移避险人员2900余人，5个乡镇启动地质灾害二级预警响应。")
RETOLD = ("强降雨从5月26日傍晚开始，桐城市范岗镇西小河水位一夜暴涨。27日早上5点，沥岗村组织抢险队伍探水进村，"
          "把受困老人一一背出来。")


def flood_reports(start: int = 1) -> list[dict]:
    """Four reports of the 桐城 flood (first, a reprint, a traditional-character repost, one in other
    words) and one of the 旺苍 flood, each from its own outlet."""
    return [
        {"title": "桐城发布暴雨红色预警", "text": TONGCHENG, "outlet": "安徽日报", "published": "2026-05-27 06:00",
         "url": f"https://a.example.cn/{start}", "reads": 20000},
        {"title": "桐城发布暴雨红色预警", "text": TONGCHENG + "（转载）", "outlet": "某门户网站",
         "published": "2026-05-27 07:00", "url": f"https://b.example.cn/{start}"},
        {"title": "桐城暴雨 轉移76人", "text": "【轉自大皖新聞】" + TONGCHENG[:150], "outlet": "某论坛",
         "published": "2026-05-27 08:00", "url": f"https://c.example.cn/{start}"},
        {"title": "范岗镇沥岗村连夜把受困老人背出来", "text": RETOLD, "outlet": "桐城融媒", "published": "2026-05-27 09:00",
         "url": f"https://d.example.cn/{start}"},
        {"title": "旺苍县遭遇大暴雨 紧急转移避险2900余人", "text": WANGCANG, "outlet": "四川日报",
         "published": "2026-05-27 10:00", "url": f"https://e.example.cn/{start}"},
    ]


def forget_worker_caches() -> None:
    """Drop what each worker keeps by data version (see ``tests/opinion/conftest.py``)."""
    from ideowork.opinion.actions import events, lexicon, matching

    matching._current = None
    events._indexes.clear()
    lexicon._built.clear()
    lexicon._built_at = None


def watched_floods(org, unit=None, source_unit=None, name="暴雨"):
    """A scheme of ``unit`` (the city by default) watching 暴雨, and a source of ``source_unit``."""
    scheme = make_scheme(unit or org.city, name=f"{name}方案", expression="暴雨|强降雨")
    source = register_source(org, unit=source_unit or org.city, name=f"{name}来源")
    return scheme, source


def ingest_floods(org, source):
    return do_ingest_items(org.staff, source, flood_reports())
