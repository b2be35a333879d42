"""The intake pages: sources, file import with its remembered column mapping, the item list and page."""

import io
import json

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from ideowork.core.models import AuditEvent
from ideowork.opinion.actions.ingest import do_ingest_items
from ideowork.opinion.models import Item, Source

from .factories import make_scheme, record, register_source

pytestmark = pytest.mark.django_db

CSV = ("标题,内容,原文链接,发布时间,来源网站,阅读数,作者\n"
       "城东区完成老旧小区改造,改造惠及居民两千户，联系电话13812345678,https://a.example.cn/1,2026-12-01 09:00,市融媒体中心,1.5万,某网友\n"
       ",没有标题的一行,https://a.example.cn/2,2026-12-01,市日报,3,x\n"
       "\n"
       "高新区新建三所学校,秋季学期投入使用,https://a.example.cn/3,昨天,市日报,12,y\n")


def upload(client, source, name, data):
    return client.post(f"/opinion/sources/{source.pk}/import/", {"file": SimpleUploadedFile(name, data)})


def confirm(client, source, **mapping):
    return client.post(f"/opinion/sources/{source.pk}/import/", {"confirm": "1", **mapping})


def test_staff_create_edit_and_deactivate_a_source(org, login):
    client = login(org.staff)
    response = client.post("/opinion/sources/new/", {"name": "市论坛", "kind": "feed", "level": "forum",
                                                     "org_unit": org.city.pk, "feed_url": "", "poll_minutes": 30})
    assert "须填写订阅地址" in response.content.decode()
    response = client.post("/opinion/sources/new/", {"name": "市论坛", "kind": "feed", "level": "forum",
                                                     "org_unit": org.city.pk, "feed_url": "https://bbs.example.cn/rss",
                                                     "poll_minutes": 30})
    source = Source.objects.get(name="市论坛")
    assert response.status_code == 302 and source.created_by == org.staff
    page = client.get(f"/opinion/sources/{source.pk}/").content.decode()
    assert "订阅抓取" in page and "尚未抓取" in page
    client.post(f"/opinion/sources/{source.pk}/edit/", {"name": "市民论坛", "kind": "feed", "level": "forum",
                                                       "feed_url": "https://bbs.example.cn/rss", "poll_minutes": 60})
    client.post(f"/opinion/sources/{source.pk}/deactivate/")
    source.refresh_from_db()
    assert (source.name, source.poll_minutes, source.active) == ("市民论坛", 60, False)
    assert set(AuditEvent.objects.filter(event_type__startswith="opinion.source").values_list("event_type", flat=True)) \
        == {"opinion.source.create", "opinion.source.update", "opinion.source.deactivate"}


def test_another_county_and_a_cadre_do_not_reach_a_source(org, login):
    source = register_source(org, unit=org.county_a, user=org.county_staff)
    assert login(org.other_county_staff).get(f"/opinion/sources/{source.pk}/").status_code == 404
    assert login(org.cadre).get("/opinion/sources/").status_code == 403


def test_a_csv_import_asks_for_the_columns_once_and_remembers_them(org, login):
    client = login(org.staff)
    source = register_source(org)
    response = upload(client, source, "导出.csv", CSV.encode("utf-8"))
    assert response.status_code == 302
    page = client.get(f"/opinion/sources/{source.pk}/import/").content.decode()
    assert "城东区完成老旧小区改造" in page and 'value="内容" selected' in page and 'value="来源网站" selected' in page
    response = confirm(client, source, title="标题", text="内容", url="原文链接", published="发布时间",
                       outlet="来源网站", reads="阅读数")
    page = response.content.decode()
    assert "第3行：缺少标题。" in page and "第5行：发布时间“昨天”无法识别" in page
    item = Item.objects.get()
    assert item.reads == 15000 and "138****5678" in item.text and item.outlet_name == "市融媒体中心"
    source.refresh_from_db()
    assert source.column_mapping["text"] == "内容" and "author" not in source.column_mapping
    # The same file again: the mapping is pre-selected and nothing is stored twice.
    upload(client, source, "导出.csv", CSV.encode("utf-8"))
    assert "已按上次导入时的选择预先填好" in client.get(f"/opinion/sources/{source.pk}/import/").content.decode()
    confirm(client, source, **{k: v for k, v in source.column_mapping.items()})
    assert Item.objects.count() == 1


@pytest.mark.parametrize("encoding", ["utf-8-sig", "gb18030"])
def test_csv_in_bom_utf8_and_gb18030_reads_the_same(org, login, encoding):
    client = login(org.staff)
    source = register_source(org)
    upload(client, source, "export.csv", CSV.encode(encoding))
    confirm(client, source, title="标题", text="内容")
    assert Item.objects.filter(title="城东区完成老旧小区改造").exists()


def test_a_file_in_an_unknown_encoding_is_a_clear_chinese_error(org, login):
    client = login(org.staff)
    source = register_source(org)
    response = upload(client, source, "export.csv", "标题\n测试".encode("utf-16-le")[:-1] + b"\xff\xfe\x00\xd8")
    assert "编码" in response.content.decode()
    assert not Item.objects.exists()


def test_jsonl_and_xlsx_imports(org, login):
    client = login(org.staff)
    source = register_source(org)
    lines = [json.dumps({"title": "甲县推进河道治理", "content": "清淤十公里", "uid": "u1"}, ensure_ascii=False),
             "{broken", json.dumps({"title": "乙县举办招聘会", "content": "岗位三千个"}, ensure_ascii=False)]
    upload(client, source, "items.jsonl", "\n".join(lines).encode())
    page = confirm(client, source, title="title", text="content").content.decode()
    assert "第2行：不是有效的JSON。" in page
    assert Item.objects.count() == 2
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["标题", "正文", "点赞数"])
    sheet.append(["丙县完成农村公路建设", "新建公路二十公里", 88])
    data = io.BytesIO()
    book.save(data)
    upload(client, source, "导出.xlsx", data.getvalue())
    confirm(client, source, title="标题", text="正文", likes="点赞数")
    assert Item.objects.get(title="丙县完成农村公路建设").likes == 88


def test_a_renamed_file_is_refused(org, login):
    client = login(org.staff)
    source = register_source(org)
    response = upload(client, source, "export.xlsx", CSV.encode())
    assert "不符" in response.content.decode()


def test_the_item_list_shows_the_units_items_and_those_its_schemes_matched(org, login):
    # A county's scheme reaches the sources of the units above it (actions/matching.py): the city's
    # items it matched are on the county's list and open for it; the city's others are not.
    city_source = register_source(org)
    scheme = make_scheme(org.county_a, name="教育关注", expression="学校")
    do_ingest_items(org.staff, city_source, [record(n) for n in range(60)])
    do_ingest_items(org.staff, city_source, [{"title": "市政府部署新建学校", "text": "明年开工"},
                                             {"title": "市政府召开常务会议", "text": "研究财政预算"}])
    county = login(org.county_staff)
    page = county.get("/opinion/items/").content.decode()
    assert "市政府部署新建学校" in page and "市政府召开常务会议" not in page and "教育关注" in page
    assert county.get(f"/opinion/items/?scheme={scheme.pk}").content.decode().count("data-item=") == 1
    matched = Item.objects.get(title="市政府部署新建学校")
    assert "明年开工" in county.get(f"/opinion/items/{matched.pk}/").content.decode()
    other = Item.objects.get(title="市政府召开常务会议")
    assert county.get(f"/opinion/items/{other.pk}/").status_code == 404
    assert login(org.other_county_staff).get(f"/opinion/items/{matched.pk}/").status_code == 404
    # The city's own list pages by keyset: 50 a page, no full count.
    client = login(org.staff)
    page = client.get("/opinion/items/").content.decode()
    assert 'data-testid="next-page"' in page
    rows = page.count("data-item=")
    next_link = page.split('data-testid="next-page"')[0].rsplit('href="?', 1)[1].split('"')[0].replace("&amp;", "&")
    second = client.get(f"/opinion/items/?{next_link}").content.decode()
    assert rows == 50 and second.count("data-item=") == 12


def test_the_item_list_filters_by_source_and_date(org, login):
    first, second = register_source(org), register_source(org, name="第二来源")
    do_ingest_items(org.staff, first, [record(1)])
    do_ingest_items(org.staff, second, [record(2)])
    client = login(org.staff)
    page = client.get(f"/opinion/items/?source={second.pk}").content.decode()
    assert "第2条" in page and "第1条" not in page
    assert "没有符合条件" in client.get("/opinion/items/?since=2000-01-01&until=2000-01-02").content.decode()
    assert "截止日期不能早于起始日期" in client.get("/opinion/items/?since=2000-01-02&until=2000-01-01").content.decode()
