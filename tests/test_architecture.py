"""Architecture rules, checked by code.

1. Views never query a scoped model without ``.visible_to(user)``, and the areas' views fetch single records
   only through their ``access_*`` helpers (the one policy for seeing and acting).
2. Dependencies point one way: core ← plans ← ledger ← learning, outlets, risks ← opinion ← reports ← demo;
   siblings never import each other. Opinion sits above the other areas because its handling uses theirs: a
   published response goes through outlets' proofreader, an event is escalated into risks' register.
3. Every model field has a Chinese verbose name; every model a fixed ordering.
4. Tests and benchmarks use the demo only through its public builders.
"""

import ast
import re
from pathlib import Path

from django.apps import apps

PACKAGE = Path(__file__).resolve().parents[1] / "ideowork"
# Each layer may use the layers before it; apps in the same layer never use each other.
LAYER_GROUPS = [["core"], ["plans"], ["ledger"], ["learning", "outlets", "risks"], ["opinion"], ["reports"], ["demo"]]
LAYERS = [app for group in LAYER_GROUPS for app in group]
CHINESE = re.compile(r"[\u4e00-\u9fff]")


def scoped_model_names() -> set[str]:
    return {m.__name__ for m in apps.get_models()
            if m.__module__.startswith("ideowork.") and hasattr(m._default_manager.get_queryset(), "visible_to")}


def view_files():
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE).parts
        if "views" in parts or path.name == "views.py":
            yield path


def test_views_query_scoped_models_only_through_visible_to():
    names = scoped_model_names()
    assert {"WorkPlan", "PlanItem", "Target", "Activity", "Evidence", "AuditEvent", "Notification"} <= names
    offences = []
    for path in view_files():
        source = path.read_text(encoding="utf-8")
        for lineno, line in enumerate(source.splitlines(), 1):
            for match in re.finditer(r"\b([A-Z]\w+)\.objects\.(\w+)", line):
                model, method = match.groups()
                if model not in names or method == "visible_to" or _scoped_by_caller(line, match.start(), source):
                    continue
                offences.append(f"{path.relative_to(PACKAGE)}:{lineno}: {model}.objects.{method}")
    assert not offences, "views must scope queries with .visible_to(user):\n" + "\n".join(offences)


def _scoped_by_caller(line: str, position: int, source: str) -> bool:
    """True when the queryset is handed straight to get_visible_or_404, or is a module constant
    (``ITEMS = PlanItem.objects.select_related(...)``) that is only ever used that way."""
    if "get_visible_or_404(" in line[:position]:
        return True
    constant = re.match(r"^([A-Z_]+) = ", line)
    if not constant:
        return False
    name = constant.group(1)
    uses = re.findall(rf"([\s\S]{{0,40}}?)\b{name}\b(\.\w+)?", source)
    return all("get_visible_or_404(" in before or after == ".visible_to" for before, after in uses[1:]) and len(uses) > 1


# Ways of fetching one record that skip the policy (the areas' views use ``access_*`` from their access.py).
UNAUTHORISED_FETCH = re.compile(r"get_object_or_404\(|get_visible_or_404\(|\.objects\.get\(|\.objects\.get_or_create\(")
BUSINESS_APPS = ("plans", "ledger", "learning", "outlets", "opinion", "risks", "reports")


def test_area_views_fetch_records_only_through_access_helpers():
    offences = []
    for path in view_files():
        if path.relative_to(PACKAGE).parts[0] not in BUSINESS_APPS:
            continue
        for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if UNAUTHORISED_FETCH.search(line):
                offences.append(f"{path.relative_to(PACKAGE)}:{lineno}: {line.strip()}")
    assert not offences, "fetch records with the area's access_*(user, pk, action):\n" + "\n".join(offences)


def test_every_access_helper_goes_through_the_core_policy():
    """``access_*`` in an area's access.py fetch with ``core.access.access`` (404, then a Chinese 403),
    directly or as made by ``core.access.accessor``."""
    offences = []
    for path in PACKAGE.glob("*/access.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in tree.body:
            if isinstance(node, ast.FunctionDef) and node.name.startswith("access_"):
                calls = {getattr(n.func, "id", None) for n in ast.walk(node) if isinstance(n, ast.Call)}
                if "access" not in calls:
                    offences.append(f"{path.relative_to(PACKAGE)}: {node.name}")
            elif isinstance(node, ast.Assign) and any(getattr(t, "id", "").startswith("access_") for t in node.targets):
                if not (isinstance(node.value, ast.Call) and getattr(node.value.func, "id", None) == "accessor"):
                    offences.append(f"{path.relative_to(PACKAGE)}: {ast.unparse(node.targets[0])}")
    assert not offences, "access helpers that skip core.access.access:\n" + "\n".join(offences)


def imported_apps(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        names = []
        if isinstance(node, ast.ImportFrom) and node.module:
            if node.level == 0:
                names = [node.module]
            elif node.level >= 2 and len(path.relative_to(PACKAGE).parts) >= node.level:
                base = path.relative_to(PACKAGE).parts[0]
                names = [f"ideowork.{base}"]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        for name in names:
            parts = name.split(".")
            if parts[0] == "ideowork" and len(parts) > 1 and parts[1] in LAYERS:
                found.add(parts[1])
    return found


def test_dependencies_point_one_way():
    offences = []
    for group_index, group in enumerate(LAYER_GROUPS):
        below = {app for earlier in LAYER_GROUPS[:group_index] for app in earlier}
        for layer in group:
            for path in (PACKAGE / layer).rglob("*.py"):
                for used in imported_apps(path) - below - {layer}:
                    offences.append(f"{path.relative_to(PACKAGE)} imports ideowork.{used}")
    assert not offences, "core ← plans ← ledger ← learning, outlets ← reports ← demo:\n" + "\n".join(offences)


def test_models_have_chinese_names_and_fixed_ordering():
    offences = []
    for model in apps.get_models():
        if not model.__module__.startswith("ideowork."):
            continue
        if not model._meta.ordering:
            offences.append(f"{model.__name__} has no Meta.ordering")
        if not CHINESE.search(str(model._meta.verbose_name)):
            offences.append(f"{model.__name__} has no Chinese verbose_name")
        for field in model._meta.get_fields():
            if field.auto_created or not hasattr(field, "verbose_name") or field.name in ("id",):
                continue
            if field.model is not model or field.name in {"password", "last_login", "is_superuser", "username",
                                                          "first_name", "last_name", "email", "is_staff",
                                                          "is_active", "date_joined", "groups", "user_permissions"}:
                continue
            if not CHINESE.search(str(field.verbose_name)):
                offences.append(f"{model.__name__}.{field.name} has no Chinese verbose_name")
    assert not offences, "\n".join(offences)


def test_services_name_the_actor_in_every_audit_event():
    """Services also run outside a request (the demo, queue tasks, imports), where the audit trail
    cannot learn the actor from the request: every ``record(`` call in a service passes ``actor=``."""
    offences = []
    for path in PACKAGE.rglob("*.py"):
        if "actions" not in path.relative_to(PACKAGE).parts:
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "record":
                if not any(k.arg == "actor" for k in node.keywords):
                    offences.append(f"{path.relative_to(PACKAGE)}:{node.lineno}")
    assert not offences, "audit events without actor=:\n" + "\n".join(offences)


def test_tests_use_the_demo_only_through_its_public_builders():
    """The demo may change inside without breaking a test: no test or benchmark imports a private
    (``_name``) helper of ``ideowork.demo`` or reaches one through a demo module."""
    offences = []
    root = PACKAGE.parent
    for path in [*(root / "tests").rglob("*.py"), *(root / "bench").rglob("*.py")]:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        demo_modules = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("ideowork.demo"):
                for alias in node.names:
                    if alias.name.startswith("_"):
                        offences.append(f"{path.relative_to(root)}:{node.lineno} imports {alias.name}")
                    demo_modules.add(alias.asname or alias.name)
        for node in ast.walk(tree):
            if (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)
                    and node.value.id in demo_modules and node.attr.startswith("_")):
                offences.append(f"{path.relative_to(root)}:{node.lineno} uses {node.value.id}.{node.attr}")
    assert not offences, "private demo helpers used:\n" + "\n".join(offences)


def _docstrings(tree) -> set[int]:
    return {id(node.body[0].value) for node in ast.walk(tree)
            if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body
            and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}


# Left to the review-workflow work (issue 9, item 3: flows edited by the holder of the purpose's
# registered capability); remove the entry when it lands.
NAMES_UPPER_LAYER_FOR_NOW: set[str] = set()


def test_lower_layers_do_not_name_upper_ones_by_string():
    """A lower layer names no upper app even as a string (a URL name, an app label, a model label, an
    audit event, a capability): menus, event types and the start page are registered or configured."""
    offences = []
    for group_index, group in enumerate(LAYER_GROUPS):
        above = {app for later in LAYER_GROUPS[group_index + 1:] for app in later}
        if not above:
            continue
        pattern = re.compile(rf"^({'|'.join(sorted(above))})[:.][a-z_]")
        template_pattern = re.compile(rf"""['"]({'|'.join(sorted(above))}):""")
        for layer in group:
            for path in (PACKAGE / layer).rglob("*"):
                where = path.relative_to(PACKAGE)
                if "migrations" in path.parts:
                    continue
                if path.suffix == ".py":
                    tree = ast.parse(path.read_text(encoding="utf-8"))
                    docstrings = _docstrings(tree)
                    offences += [f"{where}:{node.lineno}: {node.value!r}" for node in ast.walk(tree)
                                 if isinstance(node, ast.Constant) and isinstance(node.value, str)
                                 and id(node) not in docstrings and pattern.match(node.value)]
                elif path.suffix == ".html":
                    for lineno, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                        if template_pattern.search(line):
                            offences.append(f"{where}:{lineno}: {line.strip()[:80]}")
    offences = [o for o in offences if re.sub(r":\d+:", ":", o) not in NAMES_UPPER_LAYER_FOR_NOW]
    assert not offences, "a lower layer names an upper one:\n" + "\n".join(offences)
