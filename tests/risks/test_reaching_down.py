"""Reaching down and reporting up: guidance to the county bureaus with files, a county's early sign
acknowledged by the city, important information with its read timeline — and one county never sees
another county's records."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from ideowork.core.models import Notification
from ideowork.risks.actions import (do_acknowledge_upward, do_read_guidance, do_read_upward, do_report_upward,
                                    do_send_guidance)
from ideowork.risks.models import Guidance, GuidanceRecipient, UpwardReport, UpwardReportRead
from tests.ledger.files import photo


def login(client, user):
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


def send(org, recipients=None, files=()):
    return do_send_guidance(org.staff, title="关于做好风险排查的指导意见", body="聚焦重点领域全面排查。",
                            recipients=recipients or [org.county_a], files=list(files))


def early_sign(org, actor=None, kind="early_sign"):
    return do_report_upward(actor or org.county_staff, kind=kind, area="reform", title="乡镇干部对岗位调整有疑虑",
                            body="走访中发现个别干部私下议论较多。", measures="已谈心谈话。")


def test_guidance_reaches_the_counties_it_is_sent_to_and_records_who_read_it(org, client):
    guidance = send(org, files=[photo("排查表样.png")])
    assert Guidance.objects.visible_to(org.county_staff).get() == guidance
    assert not Guidance.objects.visible_to(org.other_county_staff).exists()
    assert not Guidance.objects.visible_to(org.cadre).exists()
    assert Notification.objects.filter(recipient=org.county_staff, title__contains="指导意见").exists()
    page = login(client, org.county_staff).get(reverse("risks:guidance_detail", args=[guidance.pk]))
    assert page.status_code == 200 and "聚焦重点领域全面排查" in page.content.decode()
    copy = GuidanceRecipient.objects.get(guidance=guidance)
    assert copy.read_by == org.county_staff and copy.read_at is not None
    assert do_read_guidance(org.county_staff, guidance) is None  # a second reading changes nothing
    assert login(client, org.other_county_staff).get(
        reverse("risks:guidance_detail", args=[guidance.pk])).status_code == 404
    file_id = guidance.files.get().pk
    assert login(client, org.county_staff).get(reverse("risks:guidance_file", args=[file_id])).status_code == 200
    assert login(client, org.other_county_staff).get(reverse("risks:guidance_file", args=[file_id])).status_code == 404


def test_guidance_with_bad_input_is_refused_and_sends_nothing(org):
    renamed = SimpleUploadedFile("指导意见.pdf", b"MZ\x90\x00 not a pdf", content_type="application/pdf")
    for kwargs, field in (({"recipients": [org.gov]}, "recipients"), ({"files": [renamed]}, None)):
        with pytest.raises(ValidationError) as exc:
            send(org, **kwargs)
        assert field is None or field in exc.value.message_dict
    with pytest.raises(ValidationError):
        do_send_guidance(org.staff, title=" ", body="", recipients=[org.county_a])
    with pytest.raises(ValidationError) as exc:  # a county sends only to the bureaus under it: none here
        do_send_guidance(org.county_staff, title="t", body="b", recipients=[org.county_b])
    assert "不是本单位下属的县区单位" in str(exc.value)
    with pytest.raises(PermissionDenied):
        do_send_guidance(org.cadre, title="t", body="b", recipients=[org.county_a])
    assert not Guidance.objects.exists() and not GuidanceRecipient.objects.exists()


def test_an_early_sign_goes_up_the_city_acknowledges_it_and_another_county_never_sees_it(org, client):
    report = early_sign(org)
    assert report.org_unit == org.county_a
    assert Notification.objects.filter(recipient=org.staff, url=report.get_absolute_url()).exists()
    assert UpwardReport.objects.visible_to(org.staff).get() == report
    assert not UpwardReport.objects.visible_to(org.other_county_staff).exists()
    assert login(client, org.other_county_staff).get(report.get_absolute_url()).status_code == 404
    with pytest.raises(PermissionDenied):
        do_acknowledge_upward(org.county_staff, report, reply="自己确认")
    with pytest.raises(ValidationError):
        do_acknowledge_upward(org.staff, report, reply=" ")
    assert UpwardReport.objects.get().status == "reported" and not UpwardReportRead.objects.exists()
    do_acknowledge_upward(org.staff, report, reply="继续做好思想引导。")
    report.refresh_from_db()
    assert report.status == "acknowledged" and report.acknowledged_by == org.staff
    assert Notification.objects.filter(recipient=org.county_staff, title__startswith="上级已确认").exists()
    page = login(client, org.county_staff).get(report.get_absolute_url()).content.decode()
    assert "继续做好思想引导" in page and "赵专干" in page
    with pytest.raises(ValidationError):
        do_acknowledge_upward(org.staff, report, reply="再次确认")


def test_important_information_reaches_the_leaders_at_once_with_a_read_timeline(org, client):
    report = early_sign(org, kind="urgent")
    assert Notification.objects.filter(recipient=org.principal, title__startswith="【重要情况】").exists()
    login(client, org.principal).get(report.get_absolute_url())
    login(client, org.principal).get(report.get_absolute_url())
    login(client, org.county_staff).get(report.get_absolute_url())  # the reporter's own reading is no read
    login(client, org.staff).get(report.get_absolute_url())
    assert [r.reader for r in UpwardReportRead.objects.order_by("read_at", "id")] == [org.principal, org.staff]
    assert do_read_upward(org.staff, report) is None


def test_only_a_county_reports_up_and_bad_input_is_refused(org):
    with pytest.raises(PermissionDenied):
        early_sign(org, actor=org.staff)  # the city has no organ above it here
    with pytest.raises(ValidationError) as exc:
        do_report_upward(org.county_staff, kind="rumour", area="nowhere", title="", body="")
    assert set(exc.value.message_dict) == {"kind", "area", "title", "body"}
    assert not UpwardReport.objects.exists()


def test_guidance_is_sent_with_its_file_from_the_form_page(org, login):
    client = login(org.staff)
    url = reverse("risks:guidance_create")
    assert 'enctype="multipart/form-data"' in client.get(url).content.decode()
    response = client.post(url, {"title": "关于做好机构改革期间意识形态风险防范的指导意见", "body": "请各县区……",
                                 "recipients": [org.county_a.pk], "files": [photo("指导意见.png")]})
    guidance = Guidance.objects.get()
    assert response.status_code == 302 and response["Location"] == guidance.get_absolute_url()
    assert [r.org_unit for r in GuidanceRecipient.objects.filter(guidance=guidance)] == [org.county_a]
    assert guidance.files.count() == 1
    page = client.post(url, {"title": "", "body": "", "recipients": []}).content.decode()
    assert 'class="error"' in page
    assert Guidance.objects.count() == 1
