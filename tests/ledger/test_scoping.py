"""Who sees which activities and evidence."""

from django.urls import reverse

from ideowork.ledger.models import Evidence

from .files import photo


def test_county_staff_cannot_see_or_change_the_city_activities(org, login, record):
    activity = record(title="市委编办学习")
    client = login(org.county_staff)
    for name in ("ledger:detail", "ledger:edit", "ledger:delete"):
        assert client.get(reverse(name, args=[activity.pk])).status_code == 404, name
    assert client.post(reverse("ledger:delete", args=[activity.pk])).status_code == 404
    assert "市委编办学习" not in client.get(reverse("ledger:list")).content.decode()
    assert activity.__class__.objects.filter(pk=activity.pk).exists()


def test_city_sees_county_activities(org, login, record):
    record(user=org.county_staff, title="甲县学习")
    assert "甲县学习" in login(org.principal).get(reverse("ledger:list")).content.decode()


def test_gov_staff_sees_none_of_the_city_activities(org, login, record):
    activity = record(title="市委编办学习")
    client = login(org.gov_staff)
    assert "市委编办学习" not in client.get(reverse("ledger:list")).content.decode()
    assert client.get(reverse("ledger:detail", args=[activity.pk])).status_code == 404


def test_cadre_sees_own_unit_and_participated_activities_only(org, login, record):
    record(title="秘书科学习")  # the cadre's own unit
    record(user=org.supervisor, org_unit=org.theory, title="综合科学习（参加）", participants=[org.cadre])
    other = record(user=org.supervisor, org_unit=org.theory, title="综合科学习（未参加）")
    client = login(org.cadre)
    page = client.get(reverse("ledger:list")).content.decode()
    assert "秘书科学习" in page and "综合科学习（参加）" in page and "综合科学习（未参加）" not in page
    assert client.get(reverse("ledger:detail", args=[other.pk])).status_code == 404
    assert "登记活动" not in page.split("</nav>")[-1]


def test_evidence_download_is_refused_to_those_who_cannot_see_the_activity(org, login, record):
    activity = record(user=org.supervisor, org_unit=org.theory, evidence_files=[photo("现场.png")])
    evidence = Evidence.objects.get(activity=activity)
    url = reverse("ledger:evidence_download", args=[evidence.pk])
    for name in ("county_staff", "gov_staff", "cadre"):
        assert login(getattr(org, name)).get(url).status_code == 404, name
    assert login(org.auditor).get(url).status_code == 403  # system roles never read business data
    response = login(org.principal).get(url)
    assert response.status_code == 200 and response["Content-Disposition"].startswith("attachment")
    inline = login(org.principal).get(url + "?inline=1")
    assert inline["Content-Type"] == "image/png" and inline["Content-Disposition"].startswith("inline")
    assert b"".join(inline.streaming_content).startswith(b"\x89PNG")


def test_media_is_not_served_publicly(org, login, record):
    record(evidence_files=[photo("现场.png")])
    name = Evidence.objects.get().attachment.file.name
    assert login(org.principal).get(f"/media/{name}").status_code == 404


def test_county_staff_cannot_remove_city_evidence(org, login, record):
    record(evidence_files=[photo()])
    evidence = Evidence.objects.get()
    response = login(org.county_staff).post(reverse("ledger:evidence_remove", args=[evidence.pk]))
    assert response.status_code == 404 and Evidence.objects.filter(pk=evidence.pk).exists()
