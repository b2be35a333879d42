"""The register's pages as a manager sees them: filters, the heat map, the as-of view at a past
quarter end (its query count does not grow with the data), the export, the matrix page."""

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ideowork.risks.actions import do_update_risk
from tests.ledger.files import photo
from tests.risks.builders import exported_rows, make_risk, with_evidence

pytestmark = pytest.mark.clock("2026-07-15T10:00")


def login(client, user):
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")


def test_the_register_filters_by_level_status_and_overdue_and_shows_the_level_colour(org, client, travel):
    high = make_risk(org, title="转隶人员思想波动", likelihood=5, impact=5)
    low = make_risk(org, title="政策解读口径不一", likelihood=1, impact=2)
    do_update_risk(org.staff, low, deadline=date(2026, 7, 1))
    login(client, org.staff)
    page = client.get(reverse("risks:register")).content.decode()
    assert "转隶人员思想波动" in page and "政策解读口径不一" in page and "--level: #d42020" in page
    page = client.get(reverse("risks:register"), {"level": 3, "status": "open"}).content.decode()
    assert "转隶人员思想波动" in page and "政策解读口径不一" not in page
    page = client.get(reverse("risks:register"), {"overdue": "on"}).content.decode()
    assert "政策解读口径不一" in page and "转隶人员思想波动" not in page
    assert high.pk != low.pk


def test_the_heat_map_counts_open_risks_per_cell_and_links_to_the_register(org, client):
    make_risk(org, likelihood=4, impact=4)
    make_risk(org, title="第二项", likelihood=4, impact=4)
    login(client, org.principal)
    page = client.get(reverse("risks:heatmap")).content.decode()
    assert 'data-testid="cell-4-4"' in page
    cell = page.split('data-testid="cell-4-4"')[1][:400]
    assert '<span class="count">2</span>' in cell
    assert "likelihood=4&amp;impact=4" in page.split('data-testid="cell-4-4"')[0][-200:]
    listing = client.get(reverse("risks:register"), {"likelihood": 4, "impact": 4, "status": "active"})
    assert "第二项" in listing.content.decode()


def test_the_as_of_view_shows_the_register_as_it_stood_at_a_quarter_end(org, client, travel):
    travel("2026-03-10T10:00")
    risk = make_risk(org, title="一季度登记的风险", likelihood=2, impact=2)
    travel("2026-05-10T10:00")
    do_update_risk(org.staff, risk, likelihood=5, impact=5, title="二季度调整后的风险")
    make_risk(org, title="二季度新登记的风险")
    travel("2026-07-15T10:00")
    login(client, org.staff)
    march = client.get(reverse("risks:asof"), {"at": "2026-03-31"}).content.decode()
    assert "一季度登记的风险" in march and "二季度" not in march and "低" in march
    june = client.get(reverse("risks:asof"), {"at": "2026-06-30"}).content.decode()
    assert "二季度调整后的风险" in june and "二季度新登记的风险" in june and "一季度登记的风险" not in june


def test_the_as_of_view_filters_by_the_level_and_status_the_risks_had_then(org, client, travel):
    travel("2026-03-10T10:00")
    grave = make_risk(org, title="一季度重大风险", likelihood=5, impact=5)
    make_risk(org, title="一季度低风险", likelihood=1, impact=1)
    travel("2026-05-10T10:00")
    do_update_risk(org.staff, grave, likelihood=1, impact=1)  # lowered in the second quarter
    travel("2026-07-15T10:00")
    login(client, org.staff)
    march = client.get(reverse("risks:asof"), {"at": "2026-03-31", "level": 3}).content.decode()
    assert "一季度重大风险" in march and "一季度低风险" not in march
    june = client.get(reverse("risks:asof"), {"at": "2026-06-30", "level": 3}).content.decode()
    assert "一季度重大风险" not in june and "该季度末没有符合条件的风险" in june
    june_low = client.get(reverse("risks:asof"), {"at": "2026-06-30", "level": 0, "status": "open"}).content.decode()
    assert "一季度重大风险" in june_low and "一季度低风险" in june_low
    assert "一季度" not in client.get(reverse("risks:asof"), {"at": "2026-06-30", "status": "closed"}).content.decode()


def test_the_as_of_views_and_the_registers_queries_do_not_grow_with_the_data(org, client, travel):
    travel("2026-03-10T10:00")
    make_risk(org)
    login(client, org.staff)

    def queries(url, params):
        login(client, org.staff)  # the clock moved past the idle timeout
        client.get(url, params)  # warm the per-process caches (menu, capabilities)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url, params).status_code == 200
        return len(captured)

    travel("2026-07-15T10:00")
    small = (queries(reverse("risks:asof"), {"at": "2026-06-30"}),
             queries(reverse("risks:asof"), {"at": "2026-06-30", "level": 3, "status": "active"}),
             queries(reverse("risks:register"), {"level": 3, "status": "open"}))
    travel("2026-04-02T10:00")
    for n in range(12):
        risk = make_risk(org, title=f"风险{n}", likelihood=1 + n % 5, impact=4)
        do_update_risk(org.staff, risk, measures=f"措施{n}")
    travel("2026-07-15T10:00")
    large = (queries(reverse("risks:asof"), {"at": "2026-06-30"}),
             queries(reverse("risks:asof"), {"at": "2026-06-30", "level": 3, "status": "active"}),
             queries(reverse("risks:register"), {"level": 3, "status": "open"}))
    assert small == large


def test_the_export_has_the_offices_columns(org, client):
    with_evidence(org, make_risk(org, title="导出的风险"))
    login(client, org.staff)
    header, (data, *_) = exported_rows(client.get(reverse("risks:register_export")))
    assert list(header[:9]) == ["序号", "风险点", "风险等级", "责任单位", "责任人", "防控措施", "整改时限", "整改情况",
                                "销号情况"]
    assert data[1] == "导出的风险" and data[2] == "重大" and data[7].startswith("已开展") and data[8] == "整改中"


def test_the_matrix_page_saves_an_edited_cell_and_refuses_a_bad_colour(org, client):
    login(client, org.staff)
    page = client.get(reverse("risks:matrix"))
    form = page.context["form"]
    data = {name: form.initial[name] for name in form.fields}
    data["cell_1_1"] = 1
    response = client.post(reverse("risks:matrix"), data)
    assert response.status_code == 302
    assert client.get(reverse("risks:matrix")).context["matrix"].data["cells"][0][0] == 1
    data["levels"] = "低 blue\n一般 #e0b000\n较大 #f07c00\n重大 #d42020"
    page = client.post(reverse("risks:matrix"), data).content.decode()
    assert "颜色“blue”无效" in page
    assert client.get(reverse("risks:matrix")).context["matrix"].levels[0]["colour"] == "#2f6fde"


def test_progress_with_evidence_and_the_close_out_request_through_the_pages(org, client):
    risk = make_risk(org)
    login(client, org.staff)
    url = reverse("risks:progress", args=[risk.pk])
    response = client.post(url, {"on": "2026-07-14", "text": "已谈心谈话", "files": [photo("记录.png")]}, follow=True)
    assert "已登记整改进展" in response.content.decode()
    assert risk.evidence.count() == 1
    response = client.post(reverse("risks:closeout", args=[risk.pk]), follow=True)
    assert "已提交销号申请" in response.content.decode()
    risk.refresh_from_db()
    assert risk.status == "closing"
