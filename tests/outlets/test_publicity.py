"""External publicity: a placement is recorded with its clipping, counts toward 市级以上 only when its
medium reaches that level, and its ledger activity follows every edit and the deletion."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from ideowork.core.models import Attachment, AuditEvent
from ideowork.ledger.models import Activity, Evidence, TargetCredit
from ideowork.outlets.actions.publicity import do_delete_placement, do_update_placement, media_kpi
from ideowork.outlets.choices import ContentKind
from ideowork.outlets.models import ContentItem, ExternalPlacement
from tests.ledger.files import pdf_bytes, photo, png_bytes, upload

from .review_states import in_review_state
from .publicity_builders import media_target, plan_with_media_target, record_placement


@pytest.fixture
def plan(org):
    return plan_with_media_target(org)


def _counts(placement, target) -> bool:
    return TargetCredit.objects.filter(activity=placement.activity, target=target).exists()


def _edit(org, placement, **changes):
    data = {"org_unit": placement.org_unit, "title": placement.title, "medium": placement.medium,
            "level": placement.level, "column": placement.column, "published_on": placement.published_on,
            "link": placement.link, "authors": list(placement.authors.all()), "author_names": placement.author_names,
            "content": placement.content, "note": placement.note}
    data.update(changes)
    return do_update_placement(org.staff, placement, **data)


def test_a_county_paper_does_not_count_toward_the_municipal_target_a_city_paper_does(org, plan):
    target = media_target(plan)
    county = record_placement(org, level="county", medium="甲县报")
    city = record_placement(org, level="municipal", medium="市日报")
    provincial = record_placement(org, level="provincial", medium="山西日报")

    assert not _counts(county, target)
    assert _counts(city, target) and _counts(provincial, target)
    activity = city.activity
    assert (activity.kind, activity.source, activity.source_record) == ("publication", "outlets", city)
    assert activity.date == city.published_on and "市日报" in activity.title
    assert list(activity.participants.all()) == [org.staff]
    assert Evidence.objects.filter(activity=activity, attachment__original_name="剪报.png").count() == 1
    assert AuditEvent.objects.filter(event_type="outlets.placement.create", subject_id=str(city.pk),
                                     actor=org.staff).exists()


def test_the_page_shows_the_municipal_figure_per_level(org, plan, client):
    record_placement(org, level="county", medium="甲县报")
    record_placement(org, level="municipal")
    kpi = media_kpi(org.staff, ExternalPlacement.objects.visible_to(org.staff), year=timezone.localdate().year)
    assert kpi["phrase"] == "市级以上" and kpi["target"] == media_target(plan)
    assert (kpi["progress"].done_year, kpi["progress"].required_year) == (1, 20)
    assert {row["level"].value: (row["count"], row["counts"]) for row in kpi["levels"]} == {
        "central": (0, True), "provincial": (0, True), "municipal": (1, True), "county": (1, False)}

    client.force_login(org.cadre)
    page = client.get(reverse("outlets:placement_list")).content.decode()
    assert "市级以上 1/20" in page and "对外宣传材料与采访审批" in page


def test_editing_the_level_moves_the_activity_off_the_target_and_back(org, plan):
    target = media_target(plan)
    placement = record_placement(org, level="municipal")
    activity_id = placement.activity_id

    today = timezone.localdate()
    earlier = max(today - timedelta(days=3), today.replace(month=1, day=1))  # within the plan's year
    placement = _edit(org, placement, level="county", title="改后的标题", published_on=earlier)
    activity = Activity.objects.get(pk=activity_id)
    assert not _counts(placement, target)
    assert "改后的标题" in activity.title and activity.date == earlier

    placement = _edit(org, placement, level="central", authors=[org.cadre, org.staff])
    assert _counts(placement, target) and placement.activity_id == activity_id
    assert set(Activity.objects.get(pk=activity_id).participants.all()) == {org.cadre, org.staff}
    assert AuditEvent.objects.filter(event_type="outlets.placement.update", subject_id=str(placement.pk)).count() == 2


def test_a_new_clipping_replaces_the_old_one(org, plan):
    placement = record_placement(org)
    placement = _edit(org, placement, clipping=upload("版面.pdf", pdf_bytes()))
    evidence = Evidence.objects.filter(activity=placement.activity)
    names = list(evidence.values_list("attachment__original_name", flat=True))
    assert names == ["版面.pdf"]
    assert not Attachment.objects.filter(original_name="剪报.png").exists()


def test_deleting_a_placement_deletes_its_activity(org, plan):
    placement = record_placement(org)
    activity_id = placement.activity_id
    do_delete_placement(org.staff, placement)
    assert not ExternalPlacement.objects.exists()
    assert not Activity.objects.filter(pk=activity_id).exists()
    assert not Attachment.objects.exists()
    assert AuditEvent.objects.filter(event_type="outlets.placement.delete", actor=org.staff).exists()


@pytest.mark.parametrize("clipping, message", [
    (lambda: upload("剪报.docx", b"not really a word file"), "类型不受支持"),
    (lambda: upload("剪报.png", pdf_bytes()), "内容与扩展名不符"),
    (lambda: upload("剪报.png", png_bytes() + b"\x00" * (11 * 1024 * 1024)), "超过上限"),
])
def test_a_bad_clipping_is_refused_and_nothing_is_created(org, plan, clipping, message):
    with pytest.raises(ValidationError) as caught:
        record_placement(org, clipping=clipping())
    assert message in " ".join(caught.value.message_dict["clipping"])
    assert not ExternalPlacement.objects.exists() and not Activity.objects.exists()
    assert not Attachment.objects.exists()


def test_missing_fields_are_reported_in_chinese_by_field(org, plan):
    with pytest.raises(ValidationError) as caught:
        record_placement(org, title=" ", medium="", level="town", authors=[], author_names="",
                         published_on=timezone.localdate() + timedelta(days=1), link="ftp://x")
    errors = caught.value.message_dict
    assert set(errors) == {"title", "medium", "level", "author_names", "published_on", "link"}
    assert errors["published_on"] == ["刊发日期不能晚于今天。"]
    with pytest.raises(ValidationError) as caught:
        record_placement(org, clipping=None)
    assert "剪报" in caught.value.message_dict["clipping"][0]
    assert not ExternalPlacement.objects.exists()


def test_only_an_approved_outward_material_may_be_named(org, plan):
    content = in_review_state(ContentItem.objects.create(org_unit=org.city, kind=ContentKind.EXTERNAL,
                                                        title="编办工作宣传册", author=org.cadre), "in_review")
    with pytest.raises(ValidationError) as caught:
        record_placement(org, content=content)
    assert "尚未经办领导审批通过" in caught.value.message_dict["content"][0]
    in_review_state(content, "approved")
    assert record_placement(org, content=content).content == content
    article = in_review_state(ContentItem.objects.create(org_unit=org.city, kind=ContentKind.ARTICLE,
                                                        title="公众号稿件", author=org.cadre), "approved")
    with pytest.raises(ValidationError):
        record_placement(org, content=article)


def test_who_may_record(org, plan):
    for user in (org.cadre, org.supervisor, org.auditor):
        with pytest.raises(PermissionDenied):
            record_placement(org, user=user)
    with pytest.raises(PermissionDenied):
        record_placement(org, user=org.county_staff)  # the city's record
    with pytest.raises(PermissionDenied):
        record_placement(org, user=org.staff, authors=[org.gov_staff])
    assert record_placement(org, user=org.county_staff, unit=org.county_a, authors=[org.county_staff]).pk
    assert record_placement(org, user=org.section_chief).pk
    placement = record_placement(org)
    with pytest.raises(PermissionDenied):
        do_delete_placement(org.county_staff, placement)
    with pytest.raises(PermissionDenied):
        do_update_placement(org.cadre, placement, org_unit=org.city, title="x", medium="x", level="county",
                            published_on=timezone.localdate(), author_names="x")


def test_pages_are_scoped(org, plan, client):
    placement = record_placement(org)
    record_placement(org, user=org.county_staff, unit=org.county_a, authors=[org.county_staff], title="县里的稿件")
    client.force_login(org.other_county_staff)
    assert client.get(reverse("outlets:placement_detail", args=[placement.pk])).status_code == 404
    assert "以编制资源优化配置" not in client.get(reverse("outlets:placement_list")).content.decode()
    client.force_login(org.county_staff)
    listing = client.get(reverse("outlets:placement_list")).content.decode()
    assert "县里的稿件" in listing and "以编制资源优化配置" not in listing
    assert "/20" not in listing and "没有按媒体级别计数的指标" in listing  # the city's target is not the county's
    assert client.post(reverse("outlets:placement_delete", args=[placement.pk])).status_code == 404
    client.force_login(org.cadre)
    assert client.get(reverse("outlets:placement_create")).status_code == 403
    detail = client.get(reverse("outlets:placement_detail", args=[placement.pk])).content.decode()
    assert "全年在市级以上媒体刊发稿件不少于20篇" in detail


def test_staff_records_through_the_form_and_exports(org, plan, client):
    client.force_login(org.staff)
    url = reverse("outlets:placement_create")
    data = {"title": "机构编制实名制管理再升级", "medium": "市广播电视台", "level": "municipal", "column": "新闻联播",
            "published_on": timezone.localdate().isoformat(), "org_unit": org.city.pk, "authors": [org.staff.pk]}
    response = client.post(url, {**data, "clipping": upload("截图.png", pdf_bytes())})
    assert response.status_code == 200 and "内容与扩展名不符" in response.content.decode()
    assert not ExternalPlacement.objects.exists()
    response = client.post(url, {**data, "clipping": photo("截图.png")})
    placement = ExternalPlacement.objects.get()
    assert response.status_code == 302 and response["Location"] == placement.get_absolute_url()
    assert _counts(placement, media_target(plan))

    export = client.get(reverse("outlets:placement_export"))
    assert export.status_code == 200 and export["Content-Type"].startswith("application/vnd.openxmlformats")
