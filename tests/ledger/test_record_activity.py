"""Recording an activity with its evidence: all or nothing."""

from datetime import date, timedelta
from pathlib import Path

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from ideowork.core.models import Attachment, AuditEvent
from ideowork.ledger.actions import do_delete_activity
from ideowork.ledger.models import Activity, Evidence, TargetCredit

from .files import docx_bytes, fake_png, pdf_bytes, photo, upload


def form_data(org, **overrides):
    data = {"org_unit": org.office.pk, "kind": "study", "date": "2026-03-10", "title": "3月份集中学习研讨",
            "place": "三楼会议室", "host": "张主任", "summary": "学习党的二十届四中全会精神。",
            "participants": [org.staff.pk, org.cadre.pk], "extra_participants": "2", "item": "", "targets": []}
    data.update(overrides)
    return data


def counts():
    return Activity.objects.count(), Attachment.objects.count(), Evidence.objects.count()


def test_staff_records_activity_with_photo_pdf_and_docx(org, login, targets):
    client = login(org.staff)
    files = [photo(), upload("会议纪要.pdf", pdf_bytes()), upload("学习记录.docx", docx_bytes())]
    response = client.post(reverse("ledger:create"),
                           form_data(org, targets=[targets["monthly_study"].pk], evidence_files=files))
    activity = Activity.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("ledger:detail", args=[activity.pk])
    assert activity.created_by == org.staff and activity.source == "ledger"
    assert set(activity.participants.all()) == {org.staff, org.cadre}
    assert sorted(Evidence.objects.filter(activity=activity).values_list("attachment__kind", flat=True)) == \
        ["docx", "pdf", "png"]
    assert TargetCredit.objects.filter(activity=activity, target=targets["monthly_study"]).count() == 1
    detail = client.get(response["Location"]).content.decode()
    assert "3月份集中学习研讨" in detail and "会议纪要.pdf" in detail and "<img" in detail


@pytest.mark.parametrize("bad, message", [
    (fake_png, "的内容与扩展名不符"),
    (lambda: upload("空白.pdf", b""), "是空文件"),
])
def test_one_bad_file_fails_the_whole_submission(org, login, bad, message):
    before = counts()
    response = login(org.staff).post(reverse("ledger:create"),
                                     form_data(org, evidence_files=[photo(), bad()]))
    assert response.status_code == 200
    page = response.content.decode()
    assert message in page and bad().name in page
    assert counts() == before


def test_oversize_file_is_refused_by_name(org, login, settings):
    settings.UPLOAD_MAX_BYTES = 1024
    before = counts()
    big = upload("大照片.png", photo().read() + b"\0" * 2048)
    response = login(org.staff).post(reverse("ledger:create"), form_data(org, evidence_files=[big]))
    assert "文件“大照片.png”大小为" in response.content.decode() and "超过上限" in response.content.decode()
    assert counts() == before


def test_service_refuses_bad_file_and_stores_nothing(org, record, tmp_path):
    with pytest.raises(ValidationError, match="内容与扩展名不符"):
        record(evidence_files=[photo(), fake_png()])
    assert counts() == (0, 0, 0)
    assert not (tmp_path / "media").exists() or not any((tmp_path / "media").rglob("*.png"))


# The day is worked out when the test runs (not when it is collected), from the clock it runs at.
@pytest.mark.parametrize("day_of", [lambda: date(1999, 12, 31), lambda: timezone.localdate() + timedelta(days=366)],
                         ids=["before-2000", "over-a-year-ahead"])
def test_date_out_of_range_is_refused(org, login, record, day_of):
    day = day_of()
    response = login(org.staff).post(reverse("ledger:create"), form_data(org, date=day.isoformat()))
    assert "活动日期须在2000年01月01日至" in response.content.decode()
    with pytest.raises(ValidationError, match="活动日期须在"):
        record(date=day)
    assert Activity.objects.count() == 0


def test_cadre_may_not_record(org, login, record):
    assert login(org.cadre).get(reverse("ledger:create")).status_code == 403
    with pytest.raises(PermissionDenied):
        record(user=org.cadre)


def test_county_cannot_record_for_the_city_nor_count_toward_its_plan(org, record, targets):
    with pytest.raises(PermissionDenied):
        record(user=org.county_staff, org_unit=org.office)
    with pytest.raises(PermissionDenied):
        record(user=org.county_staff, targets=[targets["monthly_study"]])


def test_target_of_another_year_is_refused(org, record, targets):
    with pytest.raises(ValidationError, match="与活动日期的年度不符"):
        record(date=date(2025, 12, 30), targets=[targets["monthly_study"]])


def test_audit_events_for_create_update_delete(org, login, targets):
    client = login(org.staff)
    client.post(reverse("ledger:create"), form_data(org, targets=[targets["monthly_study"].pk]))
    activity = Activity.objects.get()
    created = AuditEvent.objects.get(event_type="ledger.activity.create")
    assert created.actor == org.staff and created.subject_id == str(activity.pk)
    assert created.new["title"] == "3月份集中学习研讨" and created.new["targets"] == ["每月开展1次集中学习研讨"]

    client.post(reverse("ledger:edit", args=[activity.pk]), form_data(org, title="3月份理论学习中心组学习",
                                                                       targets=[targets["monthly_study"].pk]))
    updated = AuditEvent.objects.get(event_type="ledger.activity.update")
    assert updated.old["title"] == "3月份集中学习研讨" and updated.new["title"] == "3月份理论学习中心组学习"

    assert client.get(reverse("ledger:delete", args=[activity.pk])).status_code == 200
    response = client.post(reverse("ledger:delete", args=[activity.pk]))
    assert response["Location"] == reverse("ledger:list")
    deleted = AuditEvent.objects.get(event_type="ledger.activity.delete")
    assert deleted.old["title"] == "3月份理论学习中心组学习"
    assert not Activity.objects.exists() and not TargetCredit.objects.exists()


def test_deleting_removes_evidence_files(org, record, django_capture_on_commit_callbacks):
    activity = record(evidence_files=[photo()])
    path = Path(Evidence.objects.get().attachment.file.path)
    assert path.exists()
    with django_capture_on_commit_callbacks(execute=True):
        do_delete_activity(org.staff, activity)
    assert counts() == (0, 0, 0)
    assert not path.exists()


def test_edit_keeps_evidence_and_adds_new_files(org, login, record):
    activity = record(evidence_files=[photo("第一张.png")])
    response = login(org.staff).post(reverse("ledger:edit", args=[activity.pk]),
                                     form_data(org, evidence_files=[photo("第二张.png")]))
    assert response.status_code == 302
    assert sorted(activity.evidence.values_list("attachment__original_name", flat=True)) == ["第一张.png", "第二张.png"]


def test_activity_from_another_area_is_not_edited_in_the_ledger(org, login, record):
    activity = record(source="learning")
    client = login(org.staff)
    assert client.get(reverse("ledger:edit", args=[activity.pk])).status_code == 403
    assert "请在该功能中操作" in client.get(reverse("ledger:detail", args=[activity.pk])).content.decode()
