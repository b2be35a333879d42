"""Activity kinds are registered once, in core, by the areas; plans and the ledger read the registry."""

from django.apps import apps

from ideowork.core.activity_kinds import activity_kind_choices, activity_kinds, keyword_table
from ideowork.demo.people import KIND_TITLES
from ideowork.ledger.choices import ActivitySource
from ideowork.ledger.models import Activity
from ideowork.plans.kinds import suggest_activity_kinds

PHRASES = ["每月开展1次集中学习研讨", "每周开展微学习", "撰写心得体会不少于4篇", "每年开展思想状况调研", "每季度召开办务会专题研究",
           "网络安全检测每季度1次", "全年在市级以上媒体刊发稿件不少于20篇", "每月编发1期工作简报", "宣传栏每季度更新",
           "全年召开新闻发布会不少于2次", "开展政策解读", "回应群众关切", "开展形势研判", "年度述职评议", "撰写调研报告"]


def test_every_kind_plans_suggests_is_registered_and_valid_for_an_activity():
    registered = {spec.code for spec in activity_kinds()}
    assert {code for _, code in keyword_table()} <= registered
    suggested = {kind for phrase in PHRASES for kind in suggest_activity_kinds(phrase, "person")}
    assert suggested <= registered and len(suggested) >= 12
    assert {code for code, _ in Activity._meta.get_field("kind").choices} == registered


def test_each_kind_names_its_area_and_a_chinese_label():
    labels = {app.label for app in apps.get_app_configs()}
    for spec in activity_kinds():
        assert spec.area in labels and spec.label and not spec.label.isascii()
    areas = {spec.code: spec.area for spec in activity_kinds()}
    assert areas["study"] == "ledger" and areas["reflection"] == "learning" and areas["publication"] == "outlets"
    assert activity_kind_choices()[-1] == ("other", "其他")


def test_the_ledger_lists_no_area_of_its_own_accord():
    assert set(ActivitySource.values) == {"ledger", "import"}


def test_the_demo_has_a_title_for_every_kind():
    assert {spec.code for spec in activity_kinds()} <= set(KIND_TITLES)


def test_keyword_order_keeps_the_specific_words_first():
    assert suggest_activity_kinds("每周开展微学习") == ["micro_study"]
    assert suggest_activity_kinds("撰写调研报告不少于1篇", "person") == ["reflection"]
    assert suggest_activity_kinds("宣传栏每季度更新不少于1次") == ["board_update"]
    assert suggest_activity_kinds("每季度召开办务会专题研究意识形态工作") == ["meeting"]
