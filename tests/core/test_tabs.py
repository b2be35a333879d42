"""The phone's bottom bar: each area registers its tabs (core/menu.py: register_tab); a person sees
at most five, and the page they are on is marked."""

import pytest

from ideowork.core.context_processors import mark_current, navigation
from ideowork.core.menu import MAX_TABS, register_tab, tabs_for
from tests.factories import ROLE_USERNAMES

EXPECTED = {
    "cadre": ["首页", "学习", "答题", "考试", "我的"],
    "principal": ["工作台", "台账", "要点", "学习", "我的"],
    "staff": ["工作台", "台账", "要点", "学习", "我的"],
    "supervisor": ["工作台", "台账", "要点", "学习", "我的"],
    "sysadmin": [], "secadmin": [], "auditor": [],
}


@pytest.mark.parametrize("username", EXPECTED)
def test_each_role_sees_its_main_places(org, username):
    assert [t["label"] for t in tabs_for(org.users[username])] == EXPECTED[username]


def test_a_cadres_tabs_lead_to_the_learning_pages(org):
    assert [t["url"] for t in tabs_for(org.cadre)] == [
        "/learning/", "/learning/materials/", "/learning/quizzes/", "/learning/exams/", "/learning/points/"]


def test_no_one_sees_more_than_five(org):
    assert all(len(tabs_for(org.users[name])) <= MAX_TABS for name in ROLE_USERNAMES)


def test_an_unknown_icon_is_refused(org):
    with pytest.raises(ValueError):
        register_tab("nowhere", "别处", "core:notifications", visible=lambda user: True, order=0, icon="smiley")
    assert "nowhere" not in [t["key"] for t in tabs_for(org.principal)]


@pytest.mark.parametrize("path, current", [
    ("/", "/"), ("/ledger/", "/ledger/"), ("/ledger/12/", "/ledger/"), ("/ledger/new/", "/ledger/new/"),
    ("/learning/materials/3/", "/learning/materials/"), ("/learning/exams/", "/learning/"), ("/elsewhere/", None),
])
def test_the_current_page_marks_one_link(path, current):
    links = [{"url": url} for url in ["/", "/ledger/", "/ledger/new/", "/learning/", "/learning/materials/", "#"]]
    mark_current(links, path)
    marked = [link["url"] for link in links if link["current"]]
    assert marked == ([current] if current else [])


@pytest.mark.parametrize("path, current", [
    ("/learning/courses/4/", "/learning/materials/"), ("/learning/topics/", "/learning/materials/"),
    ("/learning/materials/3/", "/learning/materials/"), ("/learning/quizzes/", "/learning/"),
])
def test_a_link_also_stands_for_the_addresses_it_covers(path, current):
    links = [{"url": "/learning/"}, {"url": "/learning/materials/", "also": ["/learning/courses/", "/learning/topics/"]}]
    mark_current(links, path)
    assert [link["url"] for link in links if link["current"]] == [current]


def test_a_cadres_course_page_marks_the_study_tab(org, rf):
    request = rf.get("/learning/courses/7/")
    request.user = org.cadre
    assert [t["label"] for t in navigation(request)["tabs"] if t["current"]] == ["学习"]


def test_the_context_gives_tabs_and_marks_the_menu(org, rf):
    request = rf.get("/learning/quizzes/")
    request.user = org.cadre
    context = navigation(request)
    assert [t["label"] for t in context["tabs"] if t["current"]] == ["答题"]
    assert [e["label"] for s in context["menu"] for e in s["entries"] if e["current"]] == ["答题竞赛"]
