"""The activity form's participants: ticked in a list grouped by unit, even from a thousand people."""

import re

from django.urls import reverse

from ideowork.core.choices import Role
from ideowork.core.models import User
from ideowork.ledger.models import Activity
from tests.factories import password_hash

from .test_record_activity import form_data


def ticked(html: str, name: str) -> list[str]:
    return [re.search(r'value="([^"]*)"', attrs).group(1)
            for attrs in re.findall(rf'<input type="checkbox" name="{name}"([^>]*)>', html) if " checked" in attrs]


def test_the_form_offers_the_organs_people_as_boxes_grouped_by_unit(org, login):
    html = login(org.staff).get(reverse("ledger:create")).content.decode()
    picker = html[html.index('id="id_participants"'):html.index('id="id_extra_participants"')]
    assert "<select" not in picker and "Ctrl" not in html
    assert '<label for="id_participants_search">系统内人员</label>' in html
    headings = re.findall(r'class="ticklist-heading" id="[^"]+">([^<]*)<', picker)
    assert headings[:3] == ["市委编办", "秘书科", "综合科"]
    secretariat = picker[picker.index(">秘书科<"):picker.index(">综合科<")]
    assert all(f'value="{u.pk}"' in secretariat for u in (org.section_chief, org.staff, org.cadre))


def test_an_edited_activity_shows_its_participants_ticked_and_saves_them_unchanged(org, login, record):
    activity = record(participants=[org.staff, org.cadre])
    client = login(org.staff)
    html = client.get(reverse("ledger:edit", args=[activity.pk])).content.decode()
    assert sorted(ticked(html, "participants")) == sorted([str(org.staff.pk), str(org.cadre.pk)])
    data = form_data(org, participants=ticked(html, "participants"))
    response = client.post(reverse("ledger:edit", args=[activity.pk]), data)
    assert response.status_code == 302
    assert set(Activity.objects.get().participants.all()) == {org.staff, org.cadre}


def test_a_person_not_offered_is_refused_in_chinese_and_nothing_is_saved(org, login):
    client = login(org.staff)
    response = client.post(reverse("ledger:create"), form_data(org, participants=[org.staff.pk, org.gov_staff.pk]))
    assert response.status_code == 200
    page = response.content.decode()
    assert f"系统内人员：选择一个有效的选项。 {org.gov_staff.pk} 不在可用的选项中。" in page
    assert not Activity.objects.exists()
    # What was ticked and may be offered is still ticked.
    assert ticked(page, "participants") == [str(org.staff.pk)]


def test_a_thousand_people_render_without_a_query_each(org, login, django_assert_max_num_queries):
    User.objects.bulk_create([User(username=f"cadre{n:04}", display_name=f"干部{n:04}", role=Role.CADRE,
                                   org_unit=(org.office, org.theory)[n % 2], password=password_hash())
                              for n in range(1000)])
    client = login(org.staff)
    with django_assert_max_num_queries(40):
        html = client.get(reverse("ledger:create")).content.decode()
    assert html.count('name="participants"') >= 1000
    assert "干部0999" in html


def test_the_other_eligible_targets_are_a_tick_list_headed_by_item(org, login, targets):
    response = login(org.staff).get(reverse("ledger:target_suggestions"),
                                    {"kind": "study", "date": "2026-03-10", "org_unit": org.office.pk,
                                     "targets": [targets["drill"].pk]}, HTTP_HX_REQUEST="true")
    page = response.content.decode()
    others = page[page.index('id="id_targets_others"'):]
    assert "data-ticklist" in others and 'aria-label="其他可计入指标"' in others
    headings = re.findall(r'class="ticklist-heading" id="[^"]+">([^<]*)<', others)
    assert headings == ["市委编办 · 要点1：深化理论武装体系建设", "市委编办 · 要点2：规范内部宣传阵地管理",
                        "市委编办 · 要点3：完善应急处置预案体系"]
    # The suggested study targets are above; a target the user ticked stays ticked in the list.
    assert f'value="{targets["monthly_study"].pk}"' not in others
    assert ticked(others, "targets") == [str(targets["drill"].pk)]
