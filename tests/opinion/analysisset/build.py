"""Build ``<set>_items.jsonl`` and ``<set>_gold.json`` from ``<set>_base.tsv`` and the variants below.

    /work/main/.venv/bin/python tests/opinion/analysisset/build.py dev|heldout

Base items are retold public news items (see README.md). Variants are derived mechanically, the
way reposts appear in the wild: ``trad`` — title and text converted to traditional characters
(OpenCC s2t), as a Hong Kong or Taiwan page reposts; ``headline`` — the same text under a new
headline; ``reprint`` — the same item with a reposting outlet's preface and footer; ``exact`` — the
identical item carried by another outlet; ``excerpt`` — the first part of the text under the same
title. A variant has its base's gold sentiment and event.
"""

import json
import sys
from pathlib import Path

import opencc

HERE = Path(__file__).resolve().parent
LEVELS = {"n": "negative", "o": "neutral", "p": "positive"}

VARIANTS = {
    "dev": [
        ("trad", "d015"), ("trad", "d023"), ("trad", "d029"), ("trad", "d041"), ("trad", "d047"),
        ("trad", "d053"), ("trad", "d003"), ("trad", "d072"), ("trad", "d035"), ("trad", "d011"),
        ("trad", "d026"), ("trad", "d058"),
        ("headline", "d031", "临湘一越野车变道与环卫车相撞致6人遇难"),
        ("headline", "d024", "银川市长信箱张冠李戴引热议"),
        ("headline", "d049", "89岁老人坐上了电梯：上下楼难彻底解决"),
        ("headline", "d021", "巴州区凤溪镇被指干部上班时间脱岗"),
        ("headline", "d038", "“在睡梦中臭醒”：德阳多小区居民投诉异味"),
        ("headline", "d054", "福州一小区停水三天 居民花钱买水"),
        ("headline", "d006", "留言板上的感谢信：13万元欠薪到手了"),
        ("headline", "d042", "重庆磁器口一巷子失火 约200平方米过火"),
        ("headline", "d074", "临近春节 渭南一工地农民工讨薪无门"),
        ("headline", "d040", "青岛西海岸一小区异味问题查明"),
        ("reprint", "d008", "川观新闻"), ("reprint", "d013", "红网"), ("reprint", "d020", "新华网"),
        ("reprint", "d028", "四川在线"), ("reprint", "d032", "封面新闻"), ("reprint", "d036", "东莞阳光网"),
        ("reprint", "d051", "湖南省人民政府网"), ("reprint", "d057", "萧山网"), ("reprint", "d077", "中国网"),
        ("reprint", "d018", "央视新闻客户端"),
        ("exact", "d030"), ("exact", "d046"), ("exact", "d062"), ("exact", "d010"), ("exact", "d052"),
        ("excerpt", "d019"), ("excerpt", "d048"), ("excerpt", "d055"),
        ("trad", "d087"), ("trad", "d101"), ("headline", "d088", "郑州惠济区：农民工欠薪已全部结清"),
        ("reprint", "d104", "澎湃新闻"), ("excerpt", "d077"), ("headline", "d016", "暴雨夜 村干部蹚水背出受困老人"),
    ],
    "heldout": [
        ("trad", "h006"), ("trad", "h012"), ("trad", "h014"), ("trad", "h020"), ("trad", "h027"), ("trad", "h030"),
        ("trad", "h008"), ("trad", "h019"),
        ("headline", "h003", "重庆秀山迓福村滑坡 3户住房被淹没"),
        ("headline", "h010", "镇雄凉水村山体滑坡 救援力量连夜集结"),
        ("headline", "h016", "衢州开化一火锅店爆燃 9名店员3名路人受伤"),
        ("headline", "h024", "铜山村民盼来了家门口的公交站"),
        ("headline", "h029", "一处铁皮违建 为何一拖再拖？"),
        ("headline", "h017", "饭馆燃气软管老化 长春一饭店爆炸起火"),
        ("reprint", "h009", "新华网"), ("reprint", "h013", "中安在线"), ("reprint", "h021", "蚌埠文明网"),
        ("reprint", "h025", "天山网"), ("reprint", "h028", "城市公交"), ("reprint", "h002", "上游新闻"),
        ("exact", "h022"), ("exact", "h026"), ("exact", "h005"),
        ("excerpt", "h004"), ("excerpt", "h018"), ("excerpt", "h031"),
    ],
    "newtopics": [],
    "newtopics2": [],
    "newtopics3": [],
}


def read_base(name: str) -> list[dict]:
    items = []
    for line in (HERE / f"{name}_base.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        item_id, event, mood, level, published, title, text = line.split("\t")
        items.append({"id": item_id, "title": title, "text": text, "source_level": level or None,
                      "published": published or None, "_event": event, "_sentiment": LEVELS[mood]})
    return items


def variant(base: dict, kind: str, number: int, extra: str | None, s2t) -> dict:
    item = dict(base, id=f"{base['id']}-{kind[0]}{number}")
    if kind == "trad":
        item.update(title=s2t.convert(base["title"]), text=s2t.convert(base["text"]), source_level="social")
    elif kind == "headline":
        item.update(title=extra)
    elif kind == "reprint":
        item.update(text=f"【转自{extra}】{base['text']}（来源：{extra}；责任编辑：值班编辑）", source_level="social")
    elif kind == "excerpt":
        cut = max(40, len(base["text"]) * 3 // 5)
        item.update(text=base["text"][:cut] + "……")
    return item


def main(name: str) -> None:
    s2t = opencc.OpenCC("s2t")
    base = read_base(name)
    by_id = {item["id"]: item for item in base}
    items = list(base)
    for number, (kind, base_id, *extra) in enumerate(VARIANTS[name], 1):
        items.append(variant(by_id[base_id], kind, number, extra[0] if extra else None, s2t))
    with open(HERE / f"{name}_items.jsonl", "w", encoding="utf-8") as out:
        for item in items:
            public = {k: v for k, v in item.items() if not k.startswith("_") and v is not None}
            out.write(json.dumps(public, ensure_ascii=False) + "\n")
    gold = {"sentiment": {item["id"]: item["_sentiment"] for item in items},
            "event": {item["id"]: item["_event"] for item in items}}
    (HERE / f"{name}_gold.json").write_text(json.dumps(gold, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"{name}: {len(items)} items, {len(set(gold['event'].values()))} events")


if __name__ == "__main__":
    main(sys.argv[1])
