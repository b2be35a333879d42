"""Bulk import of users from Excel: all rows good → all imported; any row bad → nothing imported."""

import io

import openpyxl
import pytest

from ideowork.core.models import AuditEvent, User

from .import_files import HEADERS, good_rows, upload, workbook_bytes

pytestmark = pytest.mark.django_db
URL = "/system/users/import/"


def _post(client, content, name="用户.xlsx"):
    return client.post(URL, {"file": upload(content, name)})


def test_template_has_the_columns_units_and_roles(org, login):
    response = login(org.sysadmin).get("/system/users/import/template/")
    assert response.status_code == 200
    assert "filename*=UTF-8''%E7%94%A8%E6%88%B7" in response["Content-Disposition"]
    book = openpyxl.load_workbook(io.BytesIO(response.content))
    assert [c.value for c in book["用户"][1]] == HEADERS
    units = [row[0] for row in book["单位列表"].iter_rows(min_row=2, values_only=True)]
    assert "秘书科" in units and "甲县委编办" in units
    assert "第一责任人" in book["用户"].data_validations.dataValidation[0].formula1


def test_good_file_imports_every_user_atomically_and_audits_each(org, login):
    response = _post(login(org.sysadmin), workbook_bytes(good_rows()))
    html = response.content.decode()
    assert response.status_code == 200 and "已成功导入3个用户" in html
    chener = User.objects.get(username="chener")
    assert chener.org_unit == org.county_a and chener.phone == "13800000002"
    assert chener.requested_role == "staff" and chener.role == "" and not chener.has_usable_password()
    assert not chener.is_superuser
    assert html.count('data-testid="slip"') == 3 and "打印密封单" in html
    creates = AuditEvent.objects.filter(event_type="core.user.create")
    assert creates.count() == 3 and all(e.new["source"] == "import" for e in creates)
    summary = AuditEvent.objects.get(event_type="core.user.import")
    assert summary.new["count"] == 3 and summary.subject_repr == "用户.xlsx"


def test_one_bad_row_is_named_and_nothing_is_imported(org, login):
    rows = good_rows()
    rows.insert(2, ["zhouwu", "周五", "宣传科", "干部职工", "", ""])  # Excel row 4
    html = _post(login(org.sysadmin), workbook_bytes(rows)).content.decode()
    assert "第4行：所在单位“宣传科”不存在" in html
    assert "未导入任何用户" in html
    assert not User.objects.filter(username__in=["chenyi", "chener", "chensan", "zhouwu"]).exists()
    assert not AuditEvent.objects.filter(event_type__in=["core.user.create", "core.user.import"]).exists()


def test_every_kind_of_row_problem_is_reported_with_its_row(org, login):
    rows = [
        ["", "无名", "秘书科", "干部职工", "", ""],              # 2: empty username
        ["dupe", "甲", "秘书科", "干部职工", "", ""],            # 3
        ["dupe", "乙", "秘书科", "干部职工", "", ""],            # 4: duplicate in file
        ["principal", "张", "秘书科", "干部职工", "", ""],       # 5: already exists
        ["weak", "弱", "秘书科", "干部职工", "", "", "password1"],              # 6: a password column is ignored
        ["badrole", "角", "秘书科", "科长", "", ""],             # 7: unknown role
        ["nounit", "无单位", "", "干部职工", "", ""],            # 8: business role needs unit
        ["bad name", "空格", "秘书科", "干部职工", "", ""],      # 9: invalid characters
    ]
    html = _post(login(org.sysadmin), workbook_bytes(rows)).content.decode()
    assert "第2行：用户名为空" in html
    assert "第4行：用户名“dupe”与第3行重复" in html
    assert "第5行：用户名“principal”已存在" in html
    assert "第6行" not in html
    assert "第7行：拟任角色“科长”不存在" in html
    assert "第8行：拟任角色为“干部职工”的用户必须填写所在单位" in html
    assert "第9行：用户名“bad name”只能包含" in html
    assert "第3行" not in html.split("第4行")[0].split("import-errors")[1]  # row 3 itself is fine
    assert not User.objects.filter(username="dupe").exists()


def test_ambiguous_unit_name_asks_for_the_code(org, login):
    from ideowork.core.models import OrgUnit

    OrgUnit.objects.create(name="秘书科", parent=org.county_a, code="JA-MS")
    html = _post(login(org.sysadmin), workbook_bytes(good_rows()[:1])).content.decode()
    assert "第2行：所在单位“秘书科”对应多个单位，请改填单位代码" in html
    rows = [["chenyi", "陈一", "JA-MS", "干部职工", "", ""]]
    _post(login(org.sysadmin), workbook_bytes(rows))
    assert User.objects.get(username="chenyi").org_unit.code == "JA-MS"


def test_missing_columns_are_named_in_one_message(org, login):
    headers = ["用户名", "姓名", "单位", "角色", "职务", "联系电话"]
    html = _post(login(org.sysadmin), workbook_bytes([["a", "b", "秘书科", "干部职工", "", ""]], headers)).content.decode()
    assert "文件缺少以下列：所在单位、拟任角色" in html
    assert not User.objects.filter(username="a").exists()


def test_file_without_rows_is_refused(org, login):
    html = _post(login(org.sysadmin), workbook_bytes([])).content.decode()
    assert "文件中没有需要导入的用户" in html


def test_renamed_non_excel_file_is_refused_by_content(org, login):
    pdf = b"%PDF-1.4\n" + b"0" * 2000
    html = _post(login(org.sysadmin), pdf, "伪装.xlsx").content.decode()
    assert "文件“伪装.xlsx”的内容与扩展名不符" in html


def test_wrong_extension_is_refused(org, login):
    html = _post(login(org.sysadmin), workbook_bytes(good_rows()), "用户.xls").content.decode()
    assert "类型不受支持" in html
    assert not User.objects.filter(username="chenyi").exists()


def test_oversize_file_is_refused(org, login, settings):
    settings.UPLOAD_MAX_BYTES = 1024
    html = _post(login(org.sysadmin), workbook_bytes(good_rows())).content.decode()
    assert "超过上限1 KB" in html
    assert not User.objects.filter(username="chenyi").exists()


@pytest.mark.parametrize("name", ["principal", "secadmin", "auditor"])
def test_only_the_sysadmin_imports(org, login, name):
    client = login(getattr(org, name))
    assert client.get(URL).status_code == 403
    assert _post(client, workbook_bytes(good_rows())).status_code == 403
    assert client.get("/system/users/import/template/").status_code == 403
    assert not User.objects.filter(username="chenyi").exists()
