"""Opinion ingestion benchmark: items end to end through ``do_ingest_items`` (check, mask, normalise,
fingerprint, de-duplicate against the store, bulk insert, match against every active scheme, audit,
version), on SQLite and on PostgreSQL, at two sizes of the store.

    /work/main/.venv/bin/python bench/opinion_ingest.py [--stored 10000,200000] [--items 5000] [--batch 500]

Each database runs in a child process with a fresh database (SQLite in a temporary directory;
PostgreSQL made and dropped on ``BENCH_POSTGRES_URL``, else on ``DATABASE_URL``'s server as
``<name>_bench``). A city office has one source and 60 schemes (word groups and expressions over
local-government words). The store is filled to each size by bulk load (COPY / executemany, keys
made as the service makes them), then ``--items`` new items arrive in batches of ``--batch`` as an
API client would send them: 200–1,200 characters of text built from sentences about local
government work, 5% of each batch repeating an item already stored, 3% repeating one in the same
batch, some with a phone number to mask. Timed: wall clock and this process's CPU per item.

Last line: {"items_per_s_sqlite": …, "items_per_s_postgres": …, "sqlite": {…}, "postgres": {…}}
(the rates are those at the larger store).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from datetime import datetime, timedelta, timezone as dt_timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.bulk import bulk_insert  # noqa: E402
from bench.runner import run_databases  # noqa: E402

PLACES = ["城东区", "城西区", "高新区", "经开区", "甲县", "乙县", "丙镇", "丁街道", "滨江新区", "老城片区"]
SUBJECTS = ["城管", "住建局", "交通运输局", "教育局", "卫健委", "市场监管局", "生态环境局", "街道办", "社区", "供水公司",
            "公交集团", "医保局", "人社局", "税务局", "应急管理局", "自然资源局"]
EVENTS = ["拆迁", "违建", "停水", "噪音扰民", "拖欠工资", "食品安全", "学位紧张", "道路塌陷", "内涝", "价格上涨",
          "排队", "投诉", "整改", "通报", "暗访", "欠薪", "污染", "安全隐患", "事故", "维权"]
SENTENCES = [
    "{p}{s}今日通报了近期{e}问题的处理进展，相关责任单位已按要求完成整改。",
    "有市民反映{p}一带近期出现{e}情况，{s}工作人员随即赶赴现场核实。",
    "记者从{s}获悉，{p}将于下月起开展专项行动，重点解决群众反映强烈的{e}问题。",
    "{p}部分居民表示，{e}问题持续多日，希望{s}尽快给出明确答复。",
    "针对网传{p}{e}一事，{s}回应称已成立工作专班，调查结果将及时向社会公布。",
    "{s}负责人介绍，今年以来{p}共受理群众来电来信两千余件，办结率百分之九十八。",
    "据了解，{p}老旧小区改造项目进展顺利，预计年底前全部完工。",
    "不少网友在留言区点赞{s}的快速响应，也有网友认为{e}的根源在于长效机制不健全。",
    "{p}召开专题会议，研究部署冬季安全生产和民生保障工作。",
    "市民可拨打12345政务服务便民热线反映诉求，联系电话13812345678。",
]
# The schemes watch named places, bodies and incidents that most items do not mention: 30% of the
# items get the words of one scheme planted, as in bench/opinion_match.py.
RARE = [a + b for a in "青石桥白沙岭红枫渡金鸡坪柳溪湾" for b in ("镇", "村", "社区", "片区")]
RARE_SUBJECTS = [f"{a}{b}" for a in ("第一", "第二", "第三", "第四", "第五") for b in ("水厂", "中学", "医院", "市场", "园区")]
RARE_EVENTS = ["塌方", "群体聚集", "围堵", "集体上访", "停工讨薪", "爆燃", "坍塌", "中毒", "踩踏", "泄漏"]
OUTLETS = ["市融媒体中心", "市日报", "市广播电视台", "本地论坛", "某短视频平台账号", "市政府网站", "县融媒体中心"]


def texts(rng: random.Random, n: int, offset: int):
    for i in range(n):
        length = rng.randint(200, 1200)
        parts, size = [], 0
        while size < length:
            s = rng.choice(SENTENCES).format(p=rng.choice(PLACES), s=rng.choice(SUBJECTS), e=rng.choice(EVENTS))
            parts.append(s)
            size += len(s)
        if rng.random() < 0.3:
            parts.insert(rng.randrange(len(parts) + 1),
                         f"{rng.choice(RARE)}{rng.choice(RARE_SUBJECTS)}附近发生{rng.choice(RARE_EVENTS)}。")
        title = f"{rng.choice(PLACES)}{rng.choice(SUBJECTS)}回应{rng.choice(EVENTS)}问题（{offset + i}）"
        yield {"title": title, "text": "".join(parts), "url": f"https://news.example.cn/{offset + i}.html",
               "outlet": rng.choice(OUTLETS), "published": "2026-12-01 08:30",
               "reads": rng.randint(0, 100000), "reposts": rng.randint(0, 500), "comments": rng.randint(0, 300),
               "likes": rng.randint(0, 2000), "author": "不会保存"}


def fill(connection, source, rng, upto: int, have: int) -> int:
    """Bulk-load generated items until the store holds ``upto``."""
    from ideowork.opinion.intake.records import clean_record
    from ideowork.opinion.models import Item

    columns = ["source_id", "org_unit_id", "outlet_name", "url", "url_key", "content_key", "title", "text",
               "published_at", "arrived_at", "reads", "reposts", "comments", "likes", "sentiment", "grade",
               "analysis", "text_purged_at"]
    start = datetime(2026, 6, 1, tzinfo=dt_timezone.utc)
    while have < upto:
        n = min(20_000, upto - have)
        rows = []
        for k, raw in enumerate(texts(rng, n, 1_000_000 + have)):
            r = clean_record(raw)
            moment = (start + timedelta(seconds=(have + k) * 30)).isoformat(sep=" ")
            if connection.vendor == "sqlite":
                moment = moment.replace("+00:00", "")
            rows.append((source.pk, source.org_unit_id, r.outlet_name, r.url, r.url_key, r.content_key, r.title,
                         r.text, moment, moment, r.reads, r.reposts, r.comments, r.likes, "", "", "{}", None))
        bulk_insert(connection, Item._meta.db_table, columns, rows)
        have += n
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {Item._meta.db_table}")
    return have


def measure(actor, source, rng, items: int, batch: int, offset: int) -> dict:
    from ideowork.opinion.actions.ingest import do_ingest_items
    from ideowork.opinion.models import Item

    stored_sample = list(Item.objects.filter(source=source).order_by("?").values("title", "text", "url")[:200])
    batches = []
    generated = list(texts(rng, items, offset))
    for start in range(0, items, batch):
        records = generated[start:start + batch]
        records += [dict(rng.choice(stored_sample)) for _ in range(batch // 20)]          # stored already
        records += [dict(records[rng.randrange(len(records))]) for _ in range(batch * 3 // 100)]  # in the batch
        rng.shuffle(records)
        batches.append(records)
    created = duplicates = 0
    t0, c0 = time.perf_counter(), time.process_time()
    for records in batches:
        result = do_ingest_items(actor, source, records)
        created += result.created
        duplicates += result.duplicates
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    sent = sum(len(b) for b in batches)
    return {"sent": sent, "created": created, "duplicates": duplicates, "items_per_s": round(sent / wall),
            "ms_per_item": round(wall * 1000 / sent, 3), "cpu_ms_per_item": round(cpu * 1000 / sent, 3)}


def monitoring_office(rng, **staff_fields):
    """Django set up and migrated, and a city office with its staff member, one source and 60 schemes (of
    the rare words): (connection, city, staff, source)."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ideowork.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection, transaction

    from ideowork.core.choices import OrgKind, Role
    from ideowork.core.models import OrgUnit, User
    from ideowork.core.versions import bump_versions
    from ideowork.opinion.actions.matching import SCHEMES_TOPIC
    from ideowork.opinion.actions.sources import do_create_source
    from ideowork.opinion.models import Scheme

    call_command("migrate", verbosity=0)
    city = OrgUnit.objects.create(name="市委宣传部", kind=OrgKind.ORGAN)
    staff = User.objects.create(username="bench_staff", role=Role.STAFF, org_unit=city, display_name="赵专干",
                                **staff_fields)
    source = do_create_source(staff, org_unit=city, name="采集网关", kind="api", level="city")
    with transaction.atomic():
        for n in range(60):
            Scheme.objects.create(org_unit=city, name=f"方案{n}", region_words="\n".join(rng.sample(RARE, 3)),
                                  subject_words="\n".join(rng.sample(RARE_SUBJECTS, 3)),
                                  event_words="\n".join(rng.sample(RARE_EVENTS, 2)),
                                  expression="" if n % 2 else f"{rng.choice(RARE_EVENTS)}~20 {rng.choice(RARE)}"
                                  f"|-{rng.choice(EVENTS)}+{rng.choice(RARE_SUBJECTS)}")
        bump_versions(SCHEMES_TOPIC, [city.pk])
    return connection, city, staff, source


def child(stored_sizes: list[int], items: int, batch: int) -> dict:
    rng = random.Random(13)
    connection, _, staff, source = monitoring_office(rng)
    # Warm up once (normalisation table, matcher compile) so that neither is counted.
    from ideowork.opinion.actions.ingest import do_ingest_items

    do_ingest_items(staff, source, list(texts(rng, 50, 9_000_000)))
    results, have, offset = {}, 50, 10_000_000
    for size in stored_sizes:
        have = fill(connection, source, rng, size, have)
        results[str(size)] = {"stored": have, **measure(staff, source, rng, items, batch, offset)}
        offset += items
        have += results[str(size)]["created"]
    return {"vendor": connection.vendor, "by_stored": results}


def main(args) -> None:
    argv = ["--stored", args.stored, "--items", str(args.items), "--batch", str(args.batch)]
    results = run_databases(__file__, "ideowork_bench_ingest", args=argv)
    last = args.stored.split(",")[-1]
    summary = {f"items_per_s_{vendor}": result["by_stored"][last]["items_per_s"] for vendor, result in results.items()}
    print(json.dumps({**summary, **results}, ensure_ascii=False))


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--stored", default="10000,200000")
    parser.add_argument("--items", type=int, default=5000)
    parser.add_argument("--batch", type=int, default=500)
    parser.add_argument("--child", action="store_true")
    options = parser.parse_args()
    if options.child:
        print(json.dumps(child([int(s) for s in options.stored.split(",")], options.items, options.batch),
                         ensure_ascii=False))
    else:
        main(options)
