"""Reads that matter are audited: exports, downloads of evidence and attachments, the audit trail."""

import ast
from datetime import date
from pathlib import Path

from django.urls import reverse

import ideowork
from ideowork.core.models import AuditEvent
from ideowork.ledger.actions import do_record_activity
from ideowork.ledger.models import Evidence
from tests.factories import make_plan
from tests.ledger.files import photo

PACKAGE = Path(ideowork.__file__).resolve().parent
# What sends a file to the browser, by the name a view calls.
SENDERS = {"FileResponse", "StreamingHttpResponse", "excel_response", "docx_response", "file_response",
           "ranged_file_response", "export_response", "results_excel", "responsibility_excel", "responsibility_word",
           "outlet_register_response"}
# Files that are not records: blank import templates, and study media played in the page (ranges).
NOT_RECORDS = {"core/views/imports.py:user_import_template", "outlets/views/proofreading.py:rule_template",
               "learning/views/questions.py:question_import_template", 
               "learning/views/materials/files.py:material_file",
               "learning/views/materials/files.py:ranged_file_response"}


def _called(function) -> set[str]:
    names = set()
    for node in ast.walk(function):
        if isinstance(node, ast.Call):
            names.add(getattr(node.func, "id", None) or getattr(node.func, "attr", ""))
        if isinstance(node, ast.Constant) and node.value == "Content-Disposition":
            names.add("Content-Disposition")
    return names


def test_every_view_that_sends_a_file_records_the_read():
    offences, checked = [], 0
    for path in PACKAGE.rglob("views/**/*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for function in tree.body:
            if not isinstance(function, ast.FunctionDef) or not function.args.args \
                    or function.args.args[0].arg != "request":
                continue
            where = f"{path.relative_to(PACKAGE)}:{function.name}"
            called = _called(function)
            if called & (SENDERS | {"Content-Disposition"}) and where not in NOT_RECORDS:
                checked += 1
                if "record_read" not in called:
                    offences.append(where)
    assert checked >= 14
    assert not offences, "views sending a file without audit.record_read:\n" + "\n".join(offences)


def test_exports_and_downloads_write_their_events(org, login):
    plan = make_plan(org.city, creator=org.staff)
    activity = do_record_activity(org.staff, org_unit=org.office, kind="study", title="集中学习", date=date(2026, 3, 3),
                                  evidence_files=[photo("现场.png")])
    evidence = Evidence.objects.get(activity=activity)
    client = login(org.principal)
    for url in (reverse("ledger:export") + "?kind=study", reverse("ledger:evidence_download", args=[evidence.pk]),
                reverse("plans:responsibility_xlsx", args=[plan.pk]),
                reverse("plans:responsibility_docx", args=[plan.pk]),
                reverse("outlets:outlet_export"), reverse("outlets:placement_export")):
        response = client.get(url)
        assert response.status_code == 200, url
    events = AuditEvent.objects.filter(actor=org.principal).exclude(event_type="core.auth.login")
    assert sorted(events.values_list("event_type", flat=True)) == sorted([
        "ledger.activity.export", "ledger.evidence.download", "plans.responsibility.export",
        "plans.responsibility.export", "outlets.outlet.export", "outlets.placement.export"])
    ledger = events.get(event_type="ledger.activity.export")
    assert ledger.new == {"query": {"kind": "study"}} and ledger.ip == "127.0.0.1"
    download = events.get(event_type="ledger.evidence.download")
    assert (download.subject_type, download.subject_id, download.subject_repr) == (
        "ledger.evidence", str(evidence.pk), "现场.png")
    assert {e.new["format"] for e in events.filter(event_type="plans.responsibility.export")} == {"xlsx", "docx"}


def test_the_auditor_reading_and_exporting_the_trail_is_audited(org, login):
    client = login(org.auditor)
    client.get(reverse("core:audit_list"), {"q": "staff"})
    client.get(reverse("core:audit_list"), {"export": "xlsx"})
    events = list(AuditEvent.objects.filter(actor=org.auditor).exclude(event_type="core.auth.login")
                  .order_by("seq").values_list("event_type", "new"))
    assert events == [("core.audit.view", {"query": {"q": "staff"}}),
                      ("core.audit.export", {"query": {"export": "xlsx"}})]
