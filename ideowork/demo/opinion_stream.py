"""The opinion demo's background stream: what an organ's collectors bring in three weeks besides the
stories it handles — many small local stories, most told once, a few picked up by several outlets.

Each incident (``Incident``) is one story: a kind of local matter (``KINDS``: a lift out of service,
a flooded underpass, a new batch of services near home …), one town, street or community of one of
the city's counties, for most kinds a residential compound, school or market of its own, one day,
and its own figures. Its reports (``REPORT_SIZES``: mostly one, rarely five) are what real reports
of one story are: the first report, a platform's reprint of it, the same report under another
headline, a reader's post, a hotline summary, the department's reply — each naming the incident's
place and day, as local reports do. All of it is fictional: places and compounds are invented, no
person is named.

So that the stream groups the way a real one does (``analysis/events.py`` is not fitted to it):
- no two incidents share a site, two of one town are ``APART_DAYS`` apart (the grouping tells
  same-place stories apart by the day they name), two of one kind never fall on one day nor share a
  figure;
- texts are put together from pieces chosen by the incident's codeword (``CODEWORDS``), so two
  incidents of one kind share at most one piece of any text, and each incident's people say their
  own ``remark``; a hotline summary carries its ticket number. Short texts that differed only in the
  place would be near-duplicates to the grouping, as they would be in a real stream;
- a place name stands after punctuation, after a function word or after a larger place, so that the
  analyser reads the same name wherever it stands (``tests/opinion/test_intake_demo.py`` checks the
  groups).

``background_reports(rng, today, now)`` gives ``(source index, record)`` pairs for
``do_ingest_items``; each record's URL carries its incident (``INCIDENT_URL``, ``incident_of``), so
that a test can tell which reports are one story.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from .opinion_kinds import KINDS, Kind

__all__ = ["COUNTIES", "BACKGROUND_ITEMS", "REPORT_SIZES", "APART_DAYS", "INCIDENT_URL", "Incident",
           "background_reports", "incident_of"]

BACKGROUND_ITEMS = 320
# How many reports one incident gets, and how often (weights): most local stories are told once.
REPORT_SIZES = {1: 55, 2: 22, 3: 12, 4: 7, 5: 4}
DAYS = 21
APART_DAYS = 3
INCIDENT_URL = "https://news.example.cn/local/{day:%Y%m%d}/{incident:03d}-{n}.html"
_INCIDENT = re.compile(r"/local/\d{8}/(\d{3})-\d+\.html$")

# The city's counties and their towns, streets and communities (invented). Reports name the town, not
# the county: the stories of one county and one day would share its name and the day, and a word of a
# headline more would make them one event. A story of 城关区 comes from the district's own media centre.
COUNTIES = {
    "城关区": ("南关街道", "北门街道", "文昌街道", "府前社区", "钟楼社区", "河西社区", "桃园社区", "翠湖社区"),
    "临河县": ("石桥镇", "柳塘镇", "双河镇", "新集镇", "沙洲乡", "渡口村", "河湾村", "杨庄村", "马坊镇", "芦花乡"),
    "青山县": ("青石镇", "松岭乡", "石门镇", "云台镇", "龙潭村", "杏花村", "茶园村", "白鹤镇", "枫岭乡"),
    "滨江新区": ("江滨街道", "望江街道", "金沙街道", "临江社区", "月湖社区", "滨湖社区", "沙湾社区"),
    "高新区": ("梧桐街道", "创业街道", "科苑社区", "云谷社区", "知行社区", "博雅社区"),
}
# Named sites, each used by one incident only: three characters before the suffix, so that the name
# is read the same wherever it stands in a sentence.
RESIDENCES = tuple(f"{stem}小区" for stem in (
    "金桂苑", "翠柳苑", "锦绣园", "阳光里", "康乐园", "丰泽苑", "紫荆园", "银杏湾", "枫林苑", "香樟湾", "玉兰苑",
    "嘉禾园", "安居苑", "润泽园", "怡景湾", "书香苑", "望湖里", "碧水湾", "绿洲苑", "春晖园", "明珠苑", "天元里",
    "瑞祥园", "秀水湾", "泰和苑", "福安里", "长青园", "晨曦苑", "荷塘里", "兰亭苑", "芳草园", "星河湾", "鹿鸣苑",
    "梅岭园", "竹溪苑", "清风里", "松涛园", "云栖苑", "桂香里", "杏坛园", "临波苑", "映月湾", "朝晖里", "沁芳园",
    "观澜湾", "凤栖苑", "丹桂园", "翠微里", "听涛苑", "锦江湾", "海棠园", "柳岸里", "紫薇苑", "青桐园", "枕水湾",
    "花溪苑", "暖阳里", "玉泉园", "东篱苑", "松鹤园"))
SCHOOLS = ("红领巾小学", "百花园小学", "新世纪小学", "桃李园小学", "凤凰山小学", "翠竹园小学", "梧桐树小学",
           "东方红中学", "向阳坡中学", "青松岭中学", "文峰塔中学", "白鹭洲中学", "启明星幼儿园", "向日葵幼儿园",
           "金葵花幼儿园", "小天鹅幼儿园", "七彩虹幼儿园", "春苗苑幼儿园", "银杏树小学", "杏林湾小学", "求知园中学",
           "明月湖中学", "小白鸽幼儿园", "绿芽儿幼儿园", "书香门小学", "紫竹林中学")
MARKETS = tuple(f"{stem}市场" for stem in (
    "东风桥", "新桥头", "河口湾", "南塘坊", "北坡岗", "老槐树", "西码头", "青果园", "双井台", "望江楼", "石板桥",
    "杏花岭", "大槐坡", "五里墩", "柳荫坝", "水磨坊", "太平桥", "金鱼池"))
SITES = {"residence": RESIDENCES, "school": SCHOOLS, "market": MARKETS, None: ()}

# Outlets by the way a report reaches the organ; the source index is the demo's SOURCES order
# (0 市融媒体中心, 1 舆情服务导出, 2 市政务服务热线摘要, 3 城关区融媒体中心).
MEDIA = ("市融媒体中心", "市日报", "市广播电视台", "市政府网站")
SOCIAL = ("本地论坛", "某短视频平台", "某生活服务号", "某社交平台", "本地生活论坛")


# What people add in their own words, whatever the matter: each incident's people say one triple of
# these (``Incident.remark``), so that no two incidents' posts and calls read alike.
FEELINGS = ("这事拖了不是一天两天了", "说了好多次都没下文", "大家心里都不踏实", "邻居们都在议论这件事", "群里吵了好几天了",
            "身边不少人都关心", "我们也不是故意找麻烦", "其实大家都挺理解的", "之前也反映过一回", "这几天一直惦记着",
            "说实话有点失望", "总的来说还是满意的", "看到有人管心里踏实多了", "这两天一直在关注", "我们离得不远",
            "家里人都很关心")
SEEN = ("前后问了三四个人", "群里已经有上百条消息", "通知看了好几遍", "电话总是占线", "工作人员态度倒是挺好",
        "别处也有类似情况", "这次总算有人来看了", "身边不少人也在问", "家里人一直念叨这件事", "大家都在等一个准话",
        "前几天还好好的", "打了好几次电话", "跑了两趟都没见着人", "网上也有人在说", "邻居们商量着一起反映",
        "周末也没消停")
WISHES = ("希望有关部门重视一下", "盼着早点有个说法", "希望能给个准信", "希望别再拖了", "希望一管到底", "希望能长期坚持下去",
          "希望多听听群众意见", "希望尽快解决", "希望以后提前告知", "希望能公开进展", "希望有人来现场看看", "希望形成长效机制",
          "盼着早日恢复正常", "希望能一视同仁", "希望给个合理解释", "希望类似的事别再发生")


@dataclass(frozen=True)
class Incident:
    number: int
    kind: Kind
    county: str
    town: str
    site: str
    day: date
    figures: dict
    parts: tuple            # which piece of each list its texts use (``CODEWORDS``)
    remark: str

    def slots(self) -> dict:
        return {"date": f"{self.day.month}月{self.day.day}日", "town": self.town, "site": self.site,
                **self.figures}


def incident_of(url: str) -> int | None:
    """The incident a background report's URL names, or None for another item."""
    found = _INCIDENT.search(url or "")
    return int(found.group(1)) if found else None


# Which pieces an incident's texts are put together from: the nine words (x, y, x+y, x+2y) mod 3 of
# the ternary tetracode, any two of which differ in at least three of their four places. Two incidents
# of one kind so share at most one piece of any text, and no two read alike (the analyser would rightly
# take two that did for reprints of one report).
CODEWORDS = tuple((x, y, (x + y) % 3, (x + 2 * y) % 3) for x in range(3) for y in range(3))


def _incidents(rng, today: date) -> list[tuple[Incident, int]]:
    """Incidents and their numbers of reports, until the reports reach ``BACKGROUND_ITEMS``.

    Two incidents of one town are ``APART_DAYS`` apart, and two of one kind never fall on the same day
    nor give the same figure (kinds that count in the same unit count in ranges of their own): their
    headlines share the kind's words, and with the day or a figure besides, the event grouping would
    rightly take them for one story."""
    sizes, weights = zip(*REPORT_SIZES.items())
    towns = [(county, town) for county, names in COUNTIES.items() for town in names]
    sites = {key: rng.sample(names, len(names)) for key, names in SITES.items()}
    codewords = {kind.name: rng.sample(CODEWORDS, len(CODEWORDS)) for kind in KINDS}
    figures = {(kind.name, name): rng.sample(range(low, high + 1), high + 1 - low)
               for kind in KINDS for name, (low, high) in kind.figures.items()}
    # any two of these share at most one of their three parts (the third is the sum of the others mod 16)
    remarks = [f"{FEELINGS[f]}，{SEEN[g]}，{WISHES[(f + g) % len(WISHES)]}。"
               for f in range(len(FEELINGS)) for g in range(len(SEEN))]
    remarks = rng.sample(remarks, len(remarks))
    days: dict[str, list[date]] = {}        # a town, or a kind → the days of its incidents
    found, reports = [], 0
    for _attempt in range(100 * BACKGROUND_ITEMS):
        if reports >= BACKGROUND_ITEMS:
            break
        kind = rng.choice(KINDS)
        county, town = rng.choice(towns)
        day = today - timedelta(days=rng.randrange(DAYS))
        if kind.rural and not town.endswith(("镇", "乡", "村")):
            continue
        if (any(abs((d - day).days) < APART_DAYS for d in days.get(town, ())) or day in days.get(kind.name, ())
                or not codewords[kind.name] or (kind.site and not sites[kind.site]) or not remarks):
            continue
        values = {name: (figures[kind.name, name].pop() if figures[kind.name, name] else rng.randint(low, high))
                  for name, (low, high) in kind.figures.items()}
        days.setdefault(town, []).append(day)
        days.setdefault(kind.name, []).append(day)
        incident = Incident(len(found) + 1, kind, county, town, sites[kind.site].pop() if kind.site else "", day,
                            values, codewords[kind.name].pop(), remarks.pop())
        size = min(rng.choices(sizes, weights)[0], BACKGROUND_ITEMS - reports)
        found.append((incident, size))
        reports += size
    else:
        raise RuntimeError("opinion_stream: too few kinds, towns or sites for BACKGROUND_ITEMS reports")
    return found


# How a hotline summary says who called, what they said and where it went, in the operators' words.
CALL_WORDS = (("市民来电", "有市民致电", "群众来电", "一位市民来电", "居民来电"),
              ("来电人称，", "据来电人介绍，", "来电人表示，", "", "该市民说，"),
              ("已转", "工单已派至", "已交由", "已转交", "按程序转"))


# How a platform re-heads a report it carries: with words every opinion item's headline uses
# (``analysis.events.GENERIC_TITLE_WORDS``), so that they tie no two stories together.
RETITLED = ("关注｜{title}", "最新进展：{title}")
# What a department's reply says it did, with its own figures.
STEPS = ("工作人员先后{k}次上门走访", "属地召开协调会{k}次", "相关部门联合现场办公{k}次", "共接听咨询电话{k}个",
         "组织回访群众{k}户", "发放告知书{k}份", "在业主群和公告栏发布通知{k}次", "安排专人跟踪{k}天")
RESULTS = ("群众反映的问题已基本解决", "回访满意率达到九成以上", "相关诉求已全部答复", "后续将持续跟踪",
           "处理结果已向群众反馈", "整改情况将适时公开", "群众表示认可", "问题未再反弹")


def _report(incident: Incident, shape: str, rng, retitled: int = 0) -> tuple[int, dict]:
    """One report of the incident in ``shape``: (source index, the title, text and outlet); the
    ``retitled``-th retitle is re-headed the ``RETITLED`` way of that number."""
    kind = incident.kind
    home = 3 if incident.county == "城关区" else 0   # 城关区's own media centre, else the city's
    a, b, c, d = incident.parts
    slots = incident.slots()
    media = rng.choice(MEDIA) if home == 0 else "城关区融媒体中心"
    if shape in ("report", "reprint", "retitle"):
        body = kind.leads[a] + kind.details[b] + "一位受访者说：“" + kind.voices[d] + incident.remark + "”" + kind.closes[c]
        title = kind.titles[a] if shape != "retitle" else RETITLED[retitled].format(title=kind.titles[a])
        source, outlet = (home, media) if shape == "report" else (1, rng.choice(SOCIAL))
        return source, {"title": title.format(**slots), "text": body.format(**slots), "outlet": outlet}
    if shape == "post":
        title, opening = kind.posts[a]
        text = opening + kind.voices[d] + incident.remark + kind.details[b]
        return 1, {"title": title.format(**slots), "text": text.format(**slots), "outlet": rng.choice(SOCIAL)}
    if shape == "hotline":
        head = kind.hotlines[a]
        caller, said, passed = (rng.choice(words) for words in CALL_WORDS)
        ticket = f"工单号{incident.day:%Y%m%d}{rng.randint(1000, 9999)}："
        text = ticket + head.replace("，市民来电", "，" + caller) + said + kind.voices[d] + incident.remark + \
            kind.details[b] + kind.dept.replace("已转", passed)
        return 2, {"title": head.split("：", 1)[1].rstrip("。").format(**slots), "text": text.format(**slots),
                   "outlet": "市政务服务热线"}
    title, text = kind.replies[a]
    steps, result = rng.choice(STEPS).format(k=rng.randint(2, 40)), rng.choice(RESULTS)
    return home, {"title": title.format(**slots),
                  "text": (text + kind.closes[c] + kind.details[b]).format(**slots) + f"{steps}，{result}。",
                  "outlet": media}


# The shapes of an incident's reports after its first (a report, a reader's post or a call), by
# weight, and how many of each one incident has: a reprint is the report's text elsewhere (one
# platform's export), a retitle the report under another of its headlines.
FOLLOWING = {"report": 2, "reprint": 3, "retitle": 2, "post": 3, "hotline": 2, "reply": 2}
AT_MOST = {"report": 1, "reprint": 1, "retitle": 2, "post": 1, "hotline": 1, "reply": 1}


def _shapes(rng, size: int) -> list[str]:
    chosen = [rng.choice(("report", "report", "post", "hotline")) if size == 1 else rng.choice(("report", "post"))]
    while len(chosen) < size:
        open_ = [shape for shape in FOLLOWING if chosen.count(shape) < AT_MOST[shape]
                 and (shape not in ("reprint", "retitle") or "report" in chosen)]
        chosen.append(rng.choices(open_, [FOLLOWING[shape] for shape in open_])[0])
    return chosen


def background_reports(rng, today: date, now: datetime) -> list[tuple[int, dict]]:
    """The stream's reports as ``(source index, record)``, none published after ``now``."""
    found = []
    for incident, size in _incidents(rng, today):
        shapes = _shapes(rng, size)
        moment = timezone.make_aware(datetime.combine(incident.day, time(rng.randint(7, 21), rng.randint(0, 59))))
        for n, shape in enumerate(shapes):
            # the others within hours, a reply the next day or the one after
            later = timedelta(hours=rng.randint(20, 44) if shape == "reply" else 0, minutes=rng.randint(20, 600))
            published = min(moment + later * bool(n), now - timedelta(minutes=5 * (len(shapes) - n)))
            source, record = _report(incident, shape, rng, shapes[:n].count("retitle"))
            reach = shape != "hotline"
            record.update({
                "url": INCIDENT_URL.format(day=incident.day, incident=incident.number, n=n), "published": published,
                "reads": rng.randint(50, 30000) if reach else 0, "reposts": rng.randint(0, 300) if reach else 0,
                "comments": rng.randint(0, 200) if reach else 0, "likes": rng.randint(0, 900) if reach else 0})
            found.append((source, record))
    return found
