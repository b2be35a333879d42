"""Each role starts where its work is (core/start_pages.py, registered by each area): after the login
form, after the second sign-in step, on the brand link ("/"), and the account page says where."""

from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse

from ideowork.core.choices import Role
from ideowork.core.start_pages import FALLBACK_URL_NAME, register_start_page, start_page_for, start_url_for
from tests.core.test_two_factor import NOW, code, enrol
from tests.factories import ROLE_USERNAMES, make_user

START = {
    "principal": "reports:office", "deputy": "reports:office",
    "section_chief": "reports:me", "staff": "reports:me", "supervisor": "reports:me",
    "county_staff": "reports:me", "gov_staff": "reports:me",
    "cadre": "learning:home",
    "sysadmin": "core:user_list", "secadmin": "core:security", "auditor": "core:audit_list",
}


def test_every_role_is_listed():
    assert set(START) == set(ROLE_USERNAMES)


@pytest.mark.parametrize("username", ROLE_USERNAMES)
def test_the_login_form_sends_each_role_to_its_start_page(org, password, username):
    client = Client()
    response = client.post(reverse("core:login"), {"username": username, "password": password})
    assert response.status_code == 302
    assert response.url == reverse(START[username])
    assert client.get(response.url).status_code == 200  # a start page the role may open


@pytest.mark.parametrize("username", ROLE_USERNAMES)
def test_the_brand_link_goes_to_the_start_page(org, login, username):
    response = login(org.users[username]).get(reverse("reports:home"))
    assert response.status_code == 302 and response.url == reverse(START[username])


def test_the_brand_link_keeps_the_plan_it_was_given(org, login):
    response = login(org.principal).get("/?plan=7")
    assert response.url == f"{reverse('reports:office')}?plan=7"


@pytest.mark.parametrize("username", ["cadre", "staff", "principal", "auditor"])
def test_next_still_wins(org, password, username):
    notifications = reverse("core:notifications")
    response = Client().post(f"{reverse('core:login')}?next={notifications}",
                             {"username": username, "password": password})
    assert response.status_code == 302 and response.url == notifications


def test_an_outside_next_is_ignored_for_the_start_page(org, password):
    response = Client().post(f"{reverse('core:login')}?next=https://evil.example/",
                             {"username": "cadre", "password": password})
    assert response.url == reverse("learning:home")


def test_a_signed_in_visit_to_the_login_page_goes_to_the_start_page(org, login):
    response = login(org.supervisor).get(reverse("core:login"))
    assert response.status_code == 302 and response.url == reverse("reports:me")


@pytest.mark.clock(NOW)
def test_the_second_sign_in_step_ends_on_the_start_page(org, password, travel):
    device, _ = enrol(org.cadre)
    travel.shift(timedelta(seconds=30))  # a code is used once: the next step's
    client = Client()
    response = client.post(reverse("core:login"), {"username": "cadre", "password": password})
    assert response.url == reverse("core:login_verify")
    response = client.post(reverse("core:login_verify"), {"code": code(device)})
    assert response.status_code == 302 and response.url == reverse("learning:home")


def test_a_person_waiting_for_a_role_starts_on_the_waiting_page_and_then_on_their_work(org, login):
    person = make_user("newcomer", "", org.office, "新同志")
    client = login(person)
    assert client.get("/").url == reverse("core:account_pending")
    person.role = Role.CADRE
    person.save(update_fields=["role"])
    assert client.get(reverse("core:account_pending")).url == reverse("learning:home")


def test_the_account_page_says_where_the_person_starts(org, login):
    page = login(org.staff).get(reverse("core:account_security")).content.decode()
    assert 'data-testid="start-page"' in page and "默认首页" in page
    assert f'<a href="{reverse("reports:me")}">我的工作</a>' in page
    page = login(org.cadre).get(reverse("core:account_security")).content.decode()
    assert f'<a href="{reverse("learning:home")}">学习首页</a>' in page


def test_the_registry_orders_by_order_and_falls_back_to_the_account_page(org):
    from ideowork.core import start_pages

    saved = list(start_pages._pages)
    try:
        register_start_page(lambda u: u.username == "cadre", "core:notifications", label="通知中心", order=1)
        assert start_url_for(org.cadre) == reverse("core:notifications")  # before learning's (order 40)
        assert start_page_for(org.staff).url_name == "reports:me"
        start_pages._pages[:] = []
        assert start_url_for(org.staff) == reverse(FALLBACK_URL_NAME)
    finally:
        start_pages._pages[:] = saved
    assert start_url_for(org.cadre) == reverse("learning:home")
