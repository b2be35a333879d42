"""The rule pages: the list with its filters and counts, the form, toggling and deleting, who sees what."""

import pytest
from django.urls import reverse

from ideowork.outlets.actions.proofreading import do_save_rule
from ideowork.outlets.models import ProofRule

pytestmark = pytest.mark.usefixtures("empty_rule_table")


def add(user, pattern, **overrides):
    data = {"category": "confusable", "pattern": pattern, "suggestion": "", "severity": "error", "note": "",
            "exceptions": "", "outdated_after": None, "enabled": True}
    data.update(overrides)
    return do_save_rule(user, None, **data)


@pytest.fixture
def rules(org):
    shipped = ProofRule.objects.create(category="formulation", pattern="习总书记", suggestion="习近平总书记",
                                       severity="error", shipped_code="formulation-001")
    ProofRule.objects.create(category="forbidden", pattern="某禁用词", severity="error", shipped_code="forbidden-001",
                             enabled=False)
    city = add(org.staff, "截止目前", suggestion="截至目前")
    county = add(org.county_staff, "其它", suggestion="其他", severity="warning")
    gov = add(org.gov_staff, "政府专用词", category="custom")
    return {"shipped": shipped, "city": city, "county": county, "gov": gov}


def rows(response) -> set[str]:
    return {rule.pattern for rule in response.context["page"]}


def test_the_list_shows_shipped_own_and_upper_rules_but_not_another_organs(org, rules, login):
    response = login(org.county_staff).get(reverse("outlets:rule_list"))
    assert response.status_code == 200
    assert rows(response) == {"习总书记", "某禁用词", "截止目前", "其它"}
    html = response.content.decode()
    assert "政府专用词" not in html
    editable = {rule.pattern for rule in response.context["page"] if rule.editable}
    assert editable == {"其它"}
    assert reverse("outlets:rule_edit", args=[rules["county"].pk]) in html
    assert reverse("outlets:rule_edit", args=[rules["city"].pk]) not in html


def test_filters_and_counts(org, rules, login):
    client = login(org.staff)
    assert rows(client.get(reverse("outlets:rule_list"), {"source": "shipped"})) == {"习总书记", "某禁用词"}
    assert rows(client.get(reverse("outlets:rule_list"), {"source": "own"})) == {"截止目前"}
    assert rows(client.get(reverse("outlets:rule_list"), {"source": "other"})) == {"其它"}
    assert rows(client.get(reverse("outlets:rule_list"), {"status": "off"})) == {"某禁用词"}
    assert rows(client.get(reverse("outlets:rule_list"), {"severity": "warning"})) == {"其它"}
    assert rows(client.get(reverse("outlets:rule_list"), {"category": "formulation"})) == {"习总书记"}
    assert rows(client.get(reverse("outlets:rule_list"), {"q": "截至"})) == {"截止目前"}
    response = client.get(reverse("outlets:rule_list"))
    counts = {value: n for value, _, n in response.context["categories"]}
    assert counts == {"formulation": 1, "confusable": 2}  # the disabled forbidden word is not counted
    assert "启用规则 <strong>3</strong> 条" in response.content.decode()


def test_a_cadre_reads_the_rules_but_may_not_change_them(org, rules, login):
    client = login(org.cadre)
    response = client.get(reverse("outlets:rule_list"))
    assert response.status_code == 200 and not any(rule.editable for rule in response.context["page"])
    assert "新增规则" not in response.content.decode()
    assert client.get(reverse("outlets:rule_create")).status_code == 403
    assert client.post(reverse("outlets:rule_toggle", args=[rules["city"].pk])).status_code == 403
    assert ProofRule.objects.get(pk=rules["city"].pk).enabled


def test_staff_add_a_rule_through_the_form(org, login):
    client = login(org.staff)
    assert client.get(reverse("outlets:rule_create")).status_code == 200
    response = client.post(reverse("outlets:rule_create"), {
        "category": "confusable", "pattern": "必需遵守", "suggestion": "必须遵守", "severity": "error",
        "note": "", "exceptions": "", "enabled": "on"})
    assert response.status_code == 302
    rule = ProofRule.objects.get(pattern="必需遵守")
    assert rule.org_unit == org.city and rule.enabled


def test_the_form_shows_the_services_errors_in_chinese(org, rules, login):
    client = login(org.staff)
    response = client.post(reverse("outlets:rule_create"), {
        "category": "confusable", "pattern": "截止目前", "suggestion": "截至目前", "severity": "error",
        "exceptions": "截止日期"})
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "不包含查找内容" in errors["exceptions"][0]
    response = client.post(reverse("outlets:rule_create"), {
        "category": "confusable", "pattern": "截止目前", "suggestion": "截至目前", "severity": "error"})
    assert "已有查找内容为“截止目前”" in response.context["form"].errors["pattern"][0]
    assert ProofRule.objects.filter(pattern="截止目前").count() == 1


def test_edit_toggle_and_delete_through_the_pages(org, rules, login):
    client = login(org.staff)
    url = reverse("outlets:rule_edit", args=[rules["shipped"].pk])
    response = client.get(url)
    assert response.status_code == 200 and "formulation-001" in response.content.decode()
    response = client.post(url, {"category": "formulation", "pattern": "习总书记", "suggestion": "习近平总书记",
                                 "severity": "warning", "note": "称谓规范", "enabled": "on",
                                 "next": "/outlets/proofread/rules/?source=shipped"})
    assert response.status_code == 302 and response["Location"] == "/outlets/proofread/rules/?source=shipped"
    assert ProofRule.objects.get(pk=rules["shipped"].pk).severity == "warning"

    response = client.post(reverse("outlets:rule_toggle", args=[rules["city"].pk]), {"next": "https://evil.example/"})
    assert response["Location"] == reverse("outlets:rule_list")
    assert not ProofRule.objects.get(pk=rules["city"].pk).enabled

    client.post(reverse("outlets:rule_delete", args=[rules["city"].pk]))
    assert not ProofRule.objects.filter(pk=rules["city"].pk).exists()
    response = client.post(reverse("outlets:rule_delete", args=[rules["shipped"].pk]), follow=True)
    assert "不能删除，已停用" in response.content.decode()
    assert ProofRule.objects.filter(pk=rules["shipped"].pk, enabled=False).exists()


def test_outsiders_cannot_reach_another_units_rule(org, rules, login):
    client = login(org.county_staff)
    assert client.get(reverse("outlets:rule_edit", args=[rules["city"].pk])).status_code == 403
    assert client.post(reverse("outlets:rule_delete", args=[rules["city"].pk])).status_code == 403
    assert client.get(reverse("outlets:rule_edit", args=[rules["shipped"].pk])).status_code == 403
    assert client.post(reverse("outlets:rule_toggle", args=[rules["gov"].pk])).status_code == 404
    client = login(org.gov_staff)
    assert client.get(reverse("outlets:rule_edit", args=[rules["city"].pk])).status_code == 404
    assert ProofRule.objects.filter(pk=rules["city"].pk, enabled=True).exists()


def test_the_import_page_lists_every_bad_row_and_imports_nothing(org, login):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client = login(org.staff)
    assert client.get(reverse("outlets:rule_import")).status_code == 200
    bad = "custom.a\t好词\ncustom.b\t坏词\t\tfatal\ncustom.c\t好词\n".encode()
    response = client.post(reverse("outlets:rule_import"), {"file": SimpleUploadedFile("规则.tsv", bad)})
    html = response.content.decode()
    assert response.status_code == 200 and "共检查3行规则，其中2行有问题" in html
    assert "第2行：级别“fatal”无效" in html and "第3行：与第1行的查找内容“好词”重复" in html
    assert not ProofRule.objects.exists()

    response = client.post(reverse("outlets:rule_import"), {"file": SimpleUploadedFile("规则.pdf", b"%PDF-1.4")})
    assert "类型不受支持" in response.content.decode()

    good = "custom.a\t好词\ncustom.b\t另一个词\t\twarning\n".encode()
    response = client.post(reverse("outlets:rule_import"), {"file": SimpleUploadedFile("规则.tsv", good)}, follow=True)
    assert "已从“规则.tsv”导入2条规则" in response.content.decode()
    assert set(ProofRule.objects.values_list("pattern", "org_unit")) == {("好词", org.city.pk), ("另一个词", org.city.pk)}


def test_export_and_template_downloads(org, rules, login):
    client = login(org.staff)
    response = client.get(reverse("outlets:rule_export"))
    assert response.status_code == 200 and "filename*=UTF-8''" in response["Content-Disposition"]
    text = response.content.decode()
    assert "截止目前\t截至目前" in text and "习总书记" not in text  # the organ's own rules only
    response = client.get(reverse("outlets:rule_export"), {"format": "xlsx", "all": "1"})
    assert response.content[:2] == b"PK"
    assert client.get(reverse("outlets:rule_template")).content[:2] == b"PK"
    assert "custom.zhurenhuiyi" in client.get(reverse("outlets:rule_template"), {"format": "tsv"}).content.decode()
    # a cadre may download the rules that check their texts, not the import template
    cadre = login(org.cadre)
    assert "习总书记" in cadre.get(reverse("outlets:rule_export"), {"all": "1"}).content.decode()
    assert cadre.get(reverse("outlets:rule_template")).status_code == 403
