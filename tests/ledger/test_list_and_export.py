"""The ledger list, its filters (other pages link with them), and the Excel export."""

import io
from datetime import date

import openpyxl
from django.urls import reverse

from ideowork.ledger.exports import HEADERS

from .files import photo


def listed(client, **params):
    response = client.get(reverse("ledger:list"), params)
    assert response.status_code == 200
    return [a.title for a in response.context["page"]]


def test_filters_that_other_pages_link_with(org, login, record, targets, plan):
    march = record(title="三月学习", targets=[targets["monthly_study"]], participants=[org.cadre])
    record(title="四月学习", date=date(2026, 4, 8), targets=[targets["monthly_study"]], item=march.targets.first().item)
    record(title="演练", kind="drill", date=date(2026, 5, 20), targets=[targets["drill"]])
    record(user=org.county_staff, title="甲县学习")
    client = login(org.principal)
    assert listed(client) == ["演练", "四月学习", "甲县学习", "三月学习"]
    assert listed(client, target=targets["monthly_study"].pk, period_start="2026-03-01",
                  period_end="2026-03-31") == ["三月学习"]
    assert listed(client, kind="drill") == ["演练"]
    assert listed(client, person=org.cadre.pk) == ["三月学习"]
    assert listed(client, unit=org.county_a.pk) == ["甲县学习"]
    assert listed(client, item=march.targets.first().item.pk) == ["四月学习"]
    assert listed(client, year=2026, month_from=4, month_to=5) == ["演练", "四月学习"]
    assert listed(client, year=2025) == []
    assert listed(client, q="演练") == ["演练"]


def test_list_shows_counts(org, login, record, targets):
    record(participants=[org.staff, org.cadre], extra_participants=3, evidence_files=[photo()])
    record(kind="drill", title="应急演练")
    response = login(org.staff).get(reverse("ledger:list"))
    assert response.context["total"] == 2 and response.context["people"] == 2
    page = response.content.decode()
    assert "学习研讨 1" in page and "演练 1" in page


def test_invalid_filter_shows_an_error_and_nothing(org, login, record):
    record()
    client = login(org.staff)
    response = client.get(reverse("ledger:list"), {"period_start": "2026-05-01", "period_end": "2026-04-01"})
    assert "截止日期不能早于起始日期" in response.content.decode() and not list(response.context["page"])
    # A target the user may not see is an invalid filter, not a leak.
    assert listed(login(org.gov_staff), target=1) == []


def test_list_query_count_does_not_grow_with_rows(org, login, record, targets, django_assert_max_num_queries):
    for n in range(12):
        record(title=f"学习{n}", participants=[org.staff, org.cadre], targets=[targets["monthly_study"]])
    client = login(org.staff)
    with django_assert_max_num_queries(20):
        client.get(reverse("ledger:list"))


def test_export_has_headers_and_one_row_per_activity(org, login, record, targets):
    record(title="三月学习", participants=[org.staff, org.cadre], extra_participants=2,
           targets=[targets["monthly_study"], targets["yearly_study"]], evidence_files=[photo()])
    record(title="四月学习", date=date(2026, 4, 8))
    record(user=org.county_staff, title="甲县学习")
    response = login(org.staff).get(reverse("ledger:export"), {"year": 2026})
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "filename*=UTF-8''" in response["Content-Disposition"]
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[1]) == HEADERS
    data = rows[2:]
    assert len(data) == 3
    march = next(r for r in data if r[4] == "三月学习")
    assert march[1] == "2026-03-10" and march[2] == "秘书科" and march[3] == "学习研讨"
    assert march[7] == 4 and march[8] == "孙干部、赵专干"
    assert march[10] == "每月开展1次集中学习研讨；全年集中学习不少于12次" and march[12] == 1
    assert [r[0] for r in data] == [1, 2, 3]


def test_export_respects_scope_and_filters(org, login, record):
    record(title="市委编办学习")
    record(user=org.county_staff, title="甲县学习")
    response = login(org.county_staff).get(reverse("ledger:export"))
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    titles = [r[4] for r in sheet.iter_rows(min_row=3, values_only=True)]
    assert titles == ["甲县学习"]


def test_export_keeps_awkward_text_readable(org, login, record):
    record(title="学习 <十九大> & “两个确立”", summary="第一行\n第二行\x01（含控制字符）")
    response = login(org.staff).get(reverse("ledger:export"))
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    row = next(sheet.iter_rows(min_row=3, values_only=True))
    assert row[4] == "学习 <十九大> & “两个确立”" and row[11] == "第一行\n第二行（含控制字符）"
    assert sheet.freeze_panes == "A3" and str(next(iter(sheet.merged_cells.ranges))) == "A1:M1"
