"""Records for the access walk (tests/test_access.py): a city office article under review, with
two versions."""

from ideowork.outlets.actions.content import do_create_content, do_revise_content, do_submit_content
from ideowork.outlets.models import Outlet

CONTENT_PAGES = ["content_detail", "content_edit", "content_versions", "content_compare", "content_submit",
                 "content_waive", "content_publish", "content_withdraw"]
CITY_RECORD_PAGES = {f"outlets:{name}" for name in CONTENT_PAGES}


def objects(org) -> dict:
    outlet = Outlet.objects.create(org_unit=org.city, name="市委编办门户网站（访问测试）", kind="website",
                                   responsible=org.staff)
    content = do_create_content(org.cadre, org_unit=org.office, kind="article", title="机构编制工作动态",
                                body="今年以来，市委编办坚持稳中求进。\n一是深化改革；二是严控编制。", outlet=outlet)
    do_revise_content(org.cadre, content, title=content.title, body="今年以来，市委编办坚持稳中求进工作总基调。",
                      note="精简")
    do_submit_content(org.cadre, content)
    return {f"outlets:{name}": content.pk for name in CONTENT_PAGES}
