"""Review page benchmark: a 20,000-character article with hundreds of proofreading findings, under
review, opened by the reviewer whose turn it is (the text highlighted, the findings list with its
确认保留 forms, the review panel with the decision form).

Runs on a fresh SQLite database in a temporary directory, with the shipped rules loaded plus a few
rules of the office's own; requests go through the whole Django stack in-process with the test
client. The findings are computed once, when the version is saved, and cached on it; the page then
renders them in one pass. Prints one JSON object on its last line:
{"p50_ms": …, "p95_ms": …, "findings": …, "chars": …, "queries": …}
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.runner import child_or_main, run_child, setup_django, time_requests  # noqa: E402
CHARS = 20_000
REQUESTS = 40

# Paragraphs of an ordinary report; every fourth carries one of the errors the office's rules look for.
PARAGRAPHS = [
    "今年以来，市委编办坚持以习近平新时代中国特色社会主义思想为指导，深入贯彻党的二十大和二十届二中、三中全会精神，"
    "围绕中心、服务大局，扎实推进机构编制各项工作，为全市经济社会高质量发展提供了有力的体制机制保障。",
    "一是深化重点领域机构改革。按照省委统一部署，稳妥推进市县机构改革任务落实，指导各地各部门做好职能划转、"
    "人员转隶和编制调整工作，确保机构改革平稳有序、工作不断、队伍不散。",
    "二是严格机构编制管理。坚持总量控制、盘活存量、优化结构、有减有增，认真落实机构编制审批程序，"
    "全年共审核机构编制事项一百二十余件，机构编制管理的规范化、制度化水平进一步提升。",
    "三是加强事业单位改革。持续推进事业单位分类改革，对职能相近、规模较小的事业单位进行整合，"
    "推动公益服务资源向基层一线倾斜，事业单位布局结构更加合理。",
    "四是强化监督检查。综合运用实名制管理、年度报告、专项检查等方式，对机构编制执行情况开展监督检查，"
    "对发现的问题及时督促整改，严肃机构编制纪律。",
]
ERRORS = ["机构编织", "截止目前", "编制编制", "事业单位单位", "各项各项"]
CUSTOM_RULES = [("机构编织", "机构编制", "error"), ("编制编制", "编制", "error"), ("事业单位单位", "事业单位", "error"),
                ("各项各项", "各项", "warning"), ("截止目前", "截至目前", "error")]


def article() -> str:
    lines, n = [], 0
    while sum(len(line) + 1 for line in lines) < CHARS:
        text = PARAGRAPHS[n % len(PARAGRAPHS)]
        # Several errors in each paragraph: hundreds in the whole article.
        for k in range(3):
            cut = (k + 1) * len(text) // 4
            text = text[:cut] + ERRORS[(n + k) % len(ERRORS)] + text[cut:]
        lines.append(text)
        n += 1
    return "\n".join(lines)[:CHARS]


def child() -> dict:
    setup_django()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from ideowork.core.actions.reviews import do_decide, do_save_flow
    from ideowork.core.choices import OrgKind, Role
    from ideowork.core.models import OrgUnit, User
    from ideowork.outlets.actions.content import do_create_content, do_submit_content
    from ideowork.outlets.findings import content_findings
    from ideowork.outlets.models import Outlet, ProofRule

    call_command("migrate", run_syncdb=True, verbosity=0)
    call_command("sync_proof_rules", verbosity=0, stdout=open(os.devnull, "w"))
    city = OrgUnit.objects.create(name="市委机构编制委员会办公室", short_name="市委编办", kind=OrgKind.ORGAN)
    office = OrgUnit.objects.create(name="综合科", parent=city, kind=OrgKind.SECTION)

    def user(username, role, unit, name):
        return User.objects.create(username=username, role=role, org_unit=unit, display_name=name)

    head, chief = user("head", Role.HEAD, city, "张主任"), user("chief", Role.SECTION_CHIEF, office, "王科长")
    deputy, staff = user("deputy", Role.DEPUTY, city, "李副主任"), user("staff", Role.STAFF, office, "赵专干")
    author = user("author", Role.CADRE, office, "孙干部")
    for pattern, suggestion, severity in CUSTOM_RULES:
        ProofRule.objects.create(org_unit=city, category="custom", pattern=pattern, suggestion=suggestion,
                                 severity=severity, note="本单位常见差错")
    flow = do_save_flow(staff, None, org_unit=city, name="三审流程", steps=[
        {"name": "初审", "kind": "review", "role": Role.SECTION_CHIEF, "due_days": 2, "signs": False},
        {"name": "复审", "kind": "review", "role": Role.DEPUTY, "due_days": 2, "signs": False},
        {"name": "终审", "kind": "review", "role": Role.HEAD, "due_days": 2, "signs": True}])
    outlet = Outlet.objects.create(org_unit=city, name="市委编办微信公众号", kind="wechat", responsible=staff,
                                   review_flow=flow)
    body = article()
    started = time.perf_counter()
    content = do_create_content(author, org_unit=office, kind="article", title="市委编办2026年机构编制工作总结",
                                body=body, outlet=outlet)
    save_ms = (time.perf_counter() - started) * 1000
    review = do_submit_content(author, content)
    stage = review.stages.get(status="active")
    do_decide(chief, review, stage_id=stage.pk, version=review.version, decision="approve", comment="同意")
    findings = content_findings(content.latest)

    client = Client()
    client.force_login(deputy, backend="django.contrib.auth.backends.ModelBackend")
    url = content.get_absolute_url()
    for _ in range(3):
        response = client.get(url)
        assert response.status_code == 200, response.status_code
    page = response.content.decode()
    assert page.count("<mark ") >= len([f for f in findings if f["field"] == "body"]) // 2, "findings not highlighted"
    assert "确认保留" in page and "复审" in page
    queries = []
    with connection.execute_wrapper(lambda execute, sql, *args: queries.append(sql) or execute(sql, *args)):
        client.get(url)
    timing = time_requests(client, url, REQUESTS)
    return {"p50_ms": timing["p50"], "p95_ms": timing["p95"],
            "findings": len(findings), "errors": sum(f["severity"] == "error" for f in findings),
            "chars": len(body), "queries": len(queries), "page_kb": round(len(page.encode()) / 1024),
            "save_ms": round(save_ms, 1), "requests": REQUESTS}


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        run_child(__file__, {"IDEOWORK_VAR_DIR": tmp})


if __name__ == "__main__":
    child_or_main(child, main)
