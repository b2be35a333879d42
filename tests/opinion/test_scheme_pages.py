"""The scheme pages through the test client: the list, the form (save, 试运行 without scripts, the
expression error on its field with the character pointed at), the live test's block for the script,
the scheme page with its matches, enable/disable, delete with confirmation, and the back-run."""

import pytest
from django.urls import reverse

from ideowork.opinion.actions.matching import match_items
from ideowork.opinion.actions.schemes import do_create_scheme
from ideowork.opinion.models import Item, Scheme

from .factories import make_item, make_source

pytestmark = pytest.mark.django_db

FORM = {"name": "防汛", "region_words": "甲县", "event_words": "暴雨\n洪水", "exclude_words": "演练",
        "expression": "", "description": "", "do": "save"}


def test_the_menu_lists_schemes_for_the_monitoring_staff(org, login):
    page = login(org.staff).get(reverse("opinion:scheme_list")).content.decode()
    assert "监测方案" in page and "新建方案" in page
    assert login(org.cadre).get(reverse("opinion:scheme_list")).status_code == 403


def test_staff_create_a_scheme_and_see_its_page(org, login):
    client = login(org.staff)
    response = client.post(reverse("opinion:scheme_create"), FORM)
    scheme = Scheme.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("opinion:scheme_detail", args=[scheme.pk])
    assert scheme.org_unit == org.city and scheme.event_words == "暴雨\n洪水"
    page = client.get(response["Location"]).content.decode()
    assert "甲县+(暴雨|洪水)+-演练" in page and "开始回溯" in page


def test_a_bad_expression_is_shown_on_its_field_with_the_character_pointed_at(org, login):
    response = login(org.staff).post(reverse("opinion:scheme_create"), {**FORM, "expression": "暴雨 转移"})
    page = response.content.decode()
    assert response.status_code == 200 and not Scheme.objects.exists()
    assert "第4个字符处缺少运算符" in page
    assert '<mark>转</mark>' in page


def test_trial_without_scripts_and_for_the_script(org, login):
    source = make_source(org.city, "市融媒体中心")
    make_item(source, "甲县遭遇暴雨", "城关镇转移群众。")
    make_item(source, "甲县防汛演练", "暴雨情景。")
    client = login(org.staff)
    page = client.post(reverse("opinion:scheme_create"), {**FORM, "name": "", "do": "trial"}).content.decode()
    assert "命中 <strong>1</strong> 条" in page and "判断过程" in page and "请填写" not in page
    assert not Scheme.objects.exists()
    block = client.post(reverse("opinion:scheme_trial"), FORM).content.decode()
    assert "<html" not in block and "甲县遭遇暴雨" in block and "<mark>暴雨</mark>" in block
    drill = Item.objects.get(title="甲县防汛演练")
    block = client.post(reverse("opinion:scheme_trial"), {**FORM, "explain": drill.pk}).content.decode()
    assert "未命中</span> 甲县防汛演练" in block


def test_edit_toggle_backrun_and_delete(org, login, django_capture_on_commit_callbacks):
    source = make_source(org.county_a)
    make_item(source, "甲县暴雨")
    scheme = do_create_scheme(org.county_staff, org_unit=org.county_a, name="甲县防汛", event_words="洪水")
    client = login(org.county_staff)
    response = client.post(reverse("opinion:scheme_edit", args=[scheme.pk]), {**FORM, "name": "甲县防汛", "region_words": ""})
    assert response.status_code == 302
    client.post(reverse("opinion:scheme_toggle", args=[scheme.pk]))
    assert not Scheme.objects.get().active
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("opinion:scheme_backrun", args=[scheme.pk]), {"start": "", "end": ""})
    page = client.get(reverse("opinion:scheme_detail", args=[scheme.pk])).content.decode()
    assert "命中的信息（1条）" in page and "甲县暴雨" in page
    confirm = client.get(reverse("opinion:scheme_delete", args=[scheme.pk])).content.decode()
    assert "确定删除监测方案" in confirm and "1条命中记录" in confirm
    client.post(reverse("opinion:scheme_delete", args=[scheme.pk]))
    assert not Scheme.objects.exists() and Item.objects.count() == 1


def test_the_city_sees_and_changes_a_county_scheme_the_other_county_does_not(org, login):
    scheme = do_create_scheme(org.county_staff, org_unit=org.county_a, name="甲县防汛", event_words="暴雨")
    match_items(Item.objects.all())
    assert "甲县防汛" in login(org.staff).get(reverse("opinion:scheme_list")).content.decode()
    assert login(org.staff).get(reverse("opinion:scheme_edit", args=[scheme.pk])).status_code == 200
    other = login(org.other_county_staff)
    assert "甲县防汛" not in other.get(reverse("opinion:scheme_list")).content.decode()
    for name in ("opinion:scheme_detail", "opinion:scheme_edit"):
        assert other.get(reverse(name, args=[scheme.pk])).status_code == 404
    for name in ("opinion:scheme_toggle", "opinion:scheme_delete", "opinion:scheme_backrun"):
        assert other.post(reverse(name, args=[scheme.pk])).status_code == 404
    assert other.post(reverse("opinion:scheme_edit", args=[scheme.pk]), FORM).status_code == 404
    assert Scheme.objects.get().active and Scheme.objects.get().name == "甲县防汛"
