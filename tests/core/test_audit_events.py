"""Audit event types are registered by their apps, in one grammar, with a Chinese label; every
``record(`` call in the code names a registered type."""

import ast
import importlib
import re
from pathlib import Path

import pytest
from django.apps import apps as django_apps

from ideowork.core import audit
from ideowork.core.audit import EVENT_NAME, audit_event_groups, audit_event_label, record, register_audit_events
from ideowork.core.models import AuditEvent

PACKAGE = Path(audit.__file__).resolve().parent.parent
CHINESE = re.compile(r"[\u4e00-\u9fff]")


def _registered() -> dict[str, str]:
    return {name: label for _, events in audit_event_groups() for name, label in events}


def _names_in(node, function) -> list[str | re.Pattern]:
    """The event names an expression can take: literals, both arms of a conditional, the literals
    assigned to a local name, or a pattern for a name built at run time."""
    if isinstance(node, ast.Constant):
        return [node.value]
    if isinstance(node, ast.IfExp):
        return _names_in(node.body, function) + _names_in(node.orelse, function)
    if isinstance(node, ast.Name) and function is not None:
        found = [n for assign in ast.walk(function) if isinstance(assign, ast.Assign)
                 and any(isinstance(t, ast.Name) and t.id == node.id for t in assign.targets)
                 for n in _names_in(assign.value, function)]
        if found:
            return found
    if isinstance(node, ast.JoinedStr):
        parts = [re.escape(v.value) if isinstance(v, ast.Constant) else "[a-z_.]+" for v in node.values]
        return [re.compile("".join(parts) + "$")]
    raise AssertionError(f"cannot tell the event name of {ast.unparse(node)}")


def _record_calls():
    for path in PACKAGE.rglob("*.py"):
        if "migrations" in path.parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        functions = [n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))]
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and node.args):
                continue
            func = node.func
            on_audit = getattr(getattr(func, "value", None), "id", "") == "audit"
            name = getattr(func, "id", None) or (getattr(func, "attr", None) if on_audit else None)
            if name in ("record", "record_read"):
                enclosing = next((f for f in functions if f.lineno <= node.lineno <= f.end_lineno
                                  and not any(g is not f and f.lineno < g.lineno <= node.lineno <= g.end_lineno
                                              for g in functions)), None)
                if enclosing is not None and enclosing.name == "record_read":
                    continue  # passes its caller's name on: the callers are walked (record_read's second argument)
                argument = node.args[1] if name == "record_read" else node.args[0]
                yield f"{path.relative_to(PACKAGE)}:{node.lineno}", _names_in(argument, enclosing)


def test_every_record_call_names_a_registered_event_type():
    registered = _registered()
    calls = list(_record_calls())
    assert len(calls) > 100  # the walk finds the call sites (audit.record and record alike)
    offences = []
    for where, names in calls:
        for name in names:
            if isinstance(name, re.Pattern):
                if not any(name.match(r) for r in registered):
                    offences.append(f"{where}: no registered type matches {name.pattern}")
            elif name not in registered:
                offences.append(f"{where}: {name}")
    assert not offences, "unregistered audit event types:\n" + "\n".join(offences)


def test_registered_types_read_area_thing_verb_with_a_chinese_label():
    registered = _registered()
    assert len(registered) > 100
    for name, label in registered.items():
        assert EVENT_NAME.match(name) and CHINESE.search(label), name
        assert django_apps.get_app_config(name.split(".")[0])
    assert audit_event_label("learning.exemplar.decide") == "审定学习标兵"


def test_registering_refuses_another_grammar_or_an_unknown_area():
    with pytest.raises(ValueError):
        register_audit_events({"learning.exemplar_decided": "审定学习标兵"})
    with pytest.raises(LookupError):
        register_audit_events({"weather.alert.raise": "发出预警"})  # no such area


def test_recording_an_unregistered_type_is_refused(db):
    before = AuditEvent.objects.count()
    with pytest.raises(LookupError):
        record("plans.item.rename", None, subject_repr="x")
    assert AuditEvent.objects.count() == before


@pytest.mark.parametrize("app,migration", [("core", "0004_rename_audit_events"),
                                           ("learning", "0002_rename_audit_events"),
                                           ("outlets", "0002_rename_audit_events")])
def test_stored_events_are_renamed_to_the_grammar(db, app, migration):
    renames = importlib.import_module(f"ideowork.{app}.migrations.{migration}").RENAMES
    registered = _registered()
    assert all(new in registered and old not in registered for old, new in renames.items())
    old, new = next(iter(renames.items()))
    pk = AuditEvent.objects.create(event_type=old, actor_name="x").pk
    operation = importlib.import_module(f"ideowork.{app}.migrations.{migration}").Migration.operations[0]
    operation.code(django_apps, None)
    assert AuditEvent.objects.get(pk=pk).event_type == new
    operation.reverse_code(django_apps, None)
    assert AuditEvent.objects.get(pk=pk).event_type == old


def test_names_built_at_run_time_are_registered():
    """``core.review.<decision>``: every decision a reviewer can make has its registered type."""
    from ideowork.core.models.reviews import Decision

    registered = _registered()
    assert all(f"core.review.{decision}" in registered for decision in Decision.values)


def test_an_app_registers_only_its_own_events():
    namespace = {"__name__": "ideowork.plans.audit_events"}
    with pytest.raises(ValueError, match="registered by plans"):
        exec('register_audit_events({"ledger.activity.create": "登记活动"})',
             {**namespace, "register_audit_events": register_audit_events})


def test_the_auditor_filters_by_type_and_exports_the_labels(org, login):
    from io import BytesIO

    from openpyxl import load_workbook

    record("outlets.outlet.flag_dormant", None, subject_repr="公告栏")
    record("outlets.outlet.flag", None, subject_repr="官网")
    client = login(org.auditor)
    page = client.get("/audit/?type=outlets.outlet.flag").content.decode()  # exact, not a prefix
    assert "官网" in page and "公告栏" not in page and "标记阵地待整改" in page
    assert "公告栏" in client.get("/audit/?type=outlets.").content.decode()  # the whole area
    response = client.get("/audit/?type=outlets.outlet.flag&export=xlsx")
    rows = list(load_workbook(BytesIO(b"".join(response.streaming_content))).active.iter_rows(values_only=True))
    assert rows[0][2:4] == ("事件", "事件类型") and rows[1][2:5] == ("标记阵地待整改", "outlets.outlet.flag", "官网")
