"""The register's pages: what each role sees and may do."""

import io
import zipfile
from datetime import timedelta

from django.utils import timezone

from ideowork.ledger.models import Activity
from ideowork.outlets.actions.outlet_inspections import do_record_inspection
from ideowork.outlets.actions.outlets import do_create_outlet, do_record_outlet_update
from ideowork.outlets.choices import OutletKind, OutletStatus
from ideowork.outlets.models import Outlet, OutletInspection
from tests.ledger.files import photo

from .outlet_builders import board, days_ago, wechat

TODAY = timezone.localdate


def test_the_register_shows_figures_rows_and_the_overdue_in_red(org, login):
    late = board(org, last=100)
    wechat(org, last=1)
    do_create_outlet(org.county_staff, org_unit=org.county_a, name="甲县编办公众号", kind=OutletKind.WECHAT,
                     responsible=org.county_staff, last_updated_on=TODAY())
    response = login(org.staff).get("/outlets/")
    html = response.content.decode()
    assert response.status_code == 200
    assert response.context["counts"] == {"total": 3, "overdue": 1, "rectifying": 0, "dormant": 0}
    assert 'class="overdue-row" data-outlet="机关宣传栏"' in html and "逾期8天" in html
    assert "市委编办微信公众号" in html and "甲县编办公众号" in html and "＋ 登记阵地" in html


def test_the_register_filters(org, login):
    board(org, last=100)
    wechat(org, last=1)
    county = do_create_outlet(org.county_staff, org_unit=org.county_a, name="甲县编办公众号", kind=OutletKind.WECHAT,
                              responsible=org.county_staff, last_updated_on=TODAY())
    client = login(org.staff)

    def names(query):
        return [row["outlet"].name for row in client.get(f"/outlets/?{query}").context["page"]]

    assert names("kind=wechat") == ["市委编办微信公众号", "甲县编办公众号"]
    assert names("overdue=1") == ["机关宣传栏"]
    assert names(f"unit={org.county_a.pk}") == ["甲县编办公众号"]
    assert names("q=宣传栏") == ["机关宣传栏"]
    assert names("status=rectifying") == []
    do_record_inspection(org.county_staff, county, date=TODAY(), result="issues", findings="x", rectification="y",
                         rectify_by=TODAY())
    assert names("status=rectifying") == ["甲县编办公众号"]


def test_each_reads_their_own_scope_and_only_staff_see_the_buttons(org, login):
    city = board(org)
    response = login(org.cadre).get("/outlets/")
    assert [r["outlet"] for r in response.context["page"]] == [city] and "＋ 登记阵地" not in response.content.decode()
    detail = login(org.cadre).get(f"/outlets/{city.pk}/")
    assert detail.status_code == 200 and f"/outlets/{city.pk}/inspect/" not in detail.content.decode()
    assert login(org.cadre).get("/outlets/new/").status_code == 403
    assert login(org.county_staff).get(f"/outlets/{city.pk}/").status_code == 404
    assert list(login(org.county_staff).get("/outlets/").context["page"]) == []
    assert login(org.auditor).get("/outlets/").status_code == 403


def test_staff_register_an_outlet_through_the_form(org, login):
    client = login(org.staff)
    assert client.get("/outlets/new/").status_code == 200
    response = client.post("/outlets/new/", {"name": "机构编制荣誉室", "kind": "honour_room", "org_unit": org.city.pk,
                                             "responsible": org.section_chief.pk, "frequency_days": 366,
                                             "account": "机关三楼"})
    outlet = Outlet.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/outlets/{outlet.pk}/"
    assert outlet.responsible == org.section_chief and outlet.frequency_days == 366


def test_a_bad_form_shows_the_services_message_and_saves_nothing(org, login):
    board(org)
    response = login(org.staff).post("/outlets/new/", {"name": "机关宣传栏", "kind": "board", "org_unit": org.city.pk,
                                                       "responsible": org.county_staff.pk, "frequency_days": 92})
    html = response.content.decode()
    assert response.status_code == 200
    assert "已有名为“机关宣传栏”的阵地" in html and "责任人须为“市委编办”的在职业务人员" in html
    assert Outlet.objects.count() == 1


def test_edit_keeps_the_values_and_saves_changes(org, login):
    outlet = board(org)
    client = login(org.staff)
    form = client.get(f"/outlets/{outlet.pk}/edit/").context["form"]
    assert form.initial["name"] == "机关宣传栏" and form.initial["responsible"] == org.section_chief
    data = {"name": "机关一楼宣传栏", "kind": "board", "org_unit": org.city.pk, "responsible": org.staff.pk,
            "frequency_days": 92, "last_updated_on": outlet.last_updated_on.isoformat()}
    assert client.post(f"/outlets/{outlet.pk}/edit/", data).status_code == 302
    outlet.refresh_from_db()
    assert outlet.name == "机关一楼宣传栏" and outlet.responsible == org.staff
    assert login(org.county_staff).post(f"/outlets/{outlet.pk}/edit/", {**data, "name": "篡改"}).status_code == 404


def test_recording_an_update_with_photos(org, login):
    outlet = board(org, last=100)
    response = login(org.staff).post(f"/outlets/{outlet.pk}/update/", {
        "date": TODAY().isoformat(), "summary": "更新“四中全会精神”专栏", "evidence_files": [photo("a.png"), photo("b.png")]})
    assert response.status_code == 302
    activity = Activity.objects.for_source(outlet).get()
    assert activity.evidence.count() == 2
    page = login(org.staff).get(f"/outlets/{outlet.pk}/")
    html = page.content.decode()
    assert "更新“四中全会精神”专栏" in html and html.count("update-photos") == 1
    assert page.context["history"][0]["what"] == "登记更新" and len(page.context["history"][0]["images"]) == 2


def test_a_future_update_is_refused_on_the_form(org, login):
    outlet = board(org)
    response = login(org.staff).post(f"/outlets/{outlet.pk}/update/", {
        "date": (TODAY() + timedelta(days=3)).isoformat(), "summary": "x"})
    assert response.status_code == 200 and "更新日期须在" in response.content.decode()
    assert not Activity.objects.exists()


def test_inspect_then_rectify_through_the_pages(org, login):
    outlet = board(org)
    client = login(org.staff)
    response = client.post(f"/outlets/{outlet.pk}/inspect/", {"date": TODAY().isoformat(), "result": "issues"})
    assert "请填写发现的问题。" in response.content.decode()
    response = client.post(f"/outlets/{outlet.pk}/inspect/", {
        "date": TODAY().isoformat(), "result": "issues", "findings": "展板有错别字", "rectification": "更换展板",
        "rectify_by": (TODAY() + timedelta(days=5)).isoformat()}, follow=True)
    assert "整改中" in response.content.decode() and "通知责任人王科长" in response.content.decode()
    inspection = OutletInspection.objects.get()
    assert client.get(f"/outlets/inspections/{inspection.pk}/rectify/").status_code == 200
    response = client.post(f"/outlets/inspections/{inspection.pk}/rectify/",
                           {"rectified_on": TODAY().isoformat(), "note": "已更换"}, follow=True)
    assert "已登记整改完成" in response.content.decode()
    outlet.refresh_from_db()
    assert outlet.status == OutletStatus.NORMAL


def test_flag_unflag_and_close_are_posts_for_staff(org, login):
    outlet = wechat(org)
    assert login(org.cadre).post(f"/outlets/{outlet.pk}/flag/", {"status": "dormant", "reason": "x"}).status_code == 403
    client = login(org.staff)
    assert client.get(f"/outlets/{outlet.pk}/flag/").status_code == 405
    response = client.post(f"/outlets/{outlet.pk}/flag/", {"status": "dormant", "reason": ""}, follow=True)
    assert "这个字段是必填项" in response.content.decode() or "必填" in response.content.decode()
    client.post(f"/outlets/{outlet.pk}/flag/", {"status": "dormant", "reason": "半年未推送"})
    outlet.refresh_from_db()
    assert outlet.status == OutletStatus.DORMANT
    client.post(f"/outlets/{outlet.pk}/unflag/")
    outlet.refresh_from_db()
    assert outlet.status == OutletStatus.NORMAL
    client.post(f"/outlets/{outlet.pk}/close/", {"reason": "账号已注销"})
    outlet.refresh_from_db()
    assert outlet.status == OutletStatus.CLOSED
    listed = client.get("/outlets/").context["page"]
    assert list(listed) == []  # closed outlets leave the working list
    assert [r["outlet"] for r in client.get("/outlets/?status=closed").context["page"]] == [outlet]


def test_the_detail_page_shows_inspections_and_history(org, login):
    outlet = board(org, last=100)
    do_record_outlet_update(org.staff, outlet, date=days_ago(3), summary="更换展板")
    do_record_inspection(org.staff, outlet, date=days_ago(1), result="serious", findings="引用过时表述",
                         rectification="撤下", rectify_by=days_ago(0))
    html = login(org.principal).get(f"/outlets/{outlet.pk}/").content.decode()
    assert "整改中" in html and "引用过时表述" in html and "更换展板" in html and "登记整改完成" in html


def test_the_export_is_the_register_as_a_workbook(org, login):
    board(org, last=100)
    wechat(org, last=1)
    response = login(org.staff).get("/outlets/export/?overdue=1")
    assert response.status_code == 200
    assert "filename*=UTF-8''" in response["Content-Disposition"]
    body = b"".join(response.streaming_content)
    sheet = zipfile.ZipFile(io.BytesIO(body)).read("xl/worksheets/sheet1.xml").decode()
    assert "宣传阵地管理台账" in sheet and "机关宣传栏" in sheet and "微信公众号" not in sheet


def test_the_dashboard_panel_lists_outlets_needing_attention(org, rf):
    from ideowork.outlets.panels import outlet_register_panel  # its own panel, not the other areas' cards

    request = rf.get("/")
    request.user = org.principal
    assert not outlet_register_panel(request, None)  # no outlets, no panel
    board(org, last=100)
    wechat(org, last=1)
    flagged = do_create_outlet(org.staff, org_unit=org.city, name="编办工作群", kind=OutletKind.WORK_GROUP,
                               responsible=org.cadre, last_updated_on=TODAY())
    do_record_inspection(org.staff, flagged, date=TODAY(), result="issues", findings="x", rectification="y",
                         rectify_by=TODAY())
    html = outlet_register_panel(request, None)
    assert "逾期8天" in html and "机关宣传栏" in html and "编办工作群" in html and "整改中" in html
    assert "市委编办微信公众号" not in html  # up to date: not listed
    request.user = org.gov_staff
    assert not outlet_register_panel(request, None)


def test_a_closed_outlet_is_reopened_from_its_page(org, login):
    outlet = wechat(org)
    client = login(org.staff)
    client.post(f"/outlets/{outlet.pk}/close/", {"reason": "账号已注销"})
    html = client.get(f"/outlets/{outlet.pk}/").content.decode()
    assert f"/outlets/{outlet.pk}/reopen/" in html and "恢复运行" in html
    assert f"/outlets/{outlet.pk}/close/" not in html
    assert f"/outlets/{outlet.pk}/reopen/" not in login(org.cadre).get(f"/outlets/{outlet.pk}/").content.decode()
    assert login(org.cadre).post(f"/outlets/{outlet.pk}/reopen/", {"reason": "x"}).status_code == 403
    client = login(org.staff)
    assert client.get(f"/outlets/{outlet.pk}/reopen/").status_code == 405
    response = client.post(f"/outlets/{outlet.pk}/reopen/", {"reason": ""}, follow=True)
    assert "请填写恢复运行的原因" in response.content.decode()
    outlet.refresh_from_db()
    assert outlet.status == OutletStatus.CLOSED
    response = client.post(f"/outlets/{outlet.pk}/reopen/", {"reason": "账号已重新启用"}, follow=True)
    outlet.refresh_from_db()
    assert outlet.status == OutletStatus.NORMAL and "已恢复运行" in response.content.decode()
    assert f"/outlets/{outlet.pk}/reopen/" not in response.content.decode()
