"""The proofreader's findings of a content version: cached on the version, read for the review page.

A version never changes, so its findings change only when the rules do: they are stored on the
version with the rule-set revision they were made with (``rules_revision(unit)``) and recomputed
when that revision moves on. Each finding is the engine's ``Finding.as_dict()`` plus ``field``
("title" or "body": the offsets are into that text).
"""

import hashlib
from collections import defaultdict

from django.utils import timezone
from django.utils.safestring import SafeString, mark_safe

from ideowork.core.caching import cache_get, cache_set

from .choices import Severity
from .models import ContentItem, ContentVersion, FindingWaiver
from .proofreading import proofread, rules_revision
from .proofreading_html import render_highlighted

__all__ = ["content_findings", "waiver_key", "waivers_of", "open_errors", "finding_groups", "highlighted"]

HIGHLIGHT_SECONDS = 24 * 3600


def content_findings(version: ContentVersion, *, unit=None) -> list[dict]:
    """The version's findings, recomputed (and stored) only when the unit's rules changed since."""
    unit = unit or version.item.org_unit
    revision = rules_revision(unit)
    if version.findings_revision != revision or not isinstance(version.findings, list):
        day = timezone.localdate(version.created_at) if version.created_at else timezone.localdate()
        findings = [{**f.as_dict(), "field": field}
                    for field, text in (("title", version.title), ("body", version.body))
                    for f in proofread(text, unit=unit, date=day)]
        ContentVersion.objects.filter(pk=version.pk).update(findings=findings, findings_revision=revision)
        version.findings, version.findings_revision = findings, revision
    return version.findings


def waiver_key(finding: dict) -> tuple[str, str]:
    """What a waiver is stored under: the rule and the text (as long as ``FindingWaiver`` keeps it)."""
    return finding["rule"][:120], finding["text"][:200]


def waivers_of(content: ContentItem) -> dict[tuple[str, str], FindingWaiver]:
    """The item's waivers by (rule, text)."""
    return {(w.rule, w.text): w for w in content.waivers.select_related("created_by")}


def open_errors(content: ContentItem, findings: list[dict], waivers: dict | None = None) -> list[dict]:
    """Error-severity findings that are not waived: each one blocks the signing step."""
    waived = waivers if waivers is not None else waivers_of(content)
    return [f for f in findings if f["severity"] == Severity.ERROR and waiver_key(f) not in waived]


def finding_groups(findings: list[dict], waivers: dict) -> list[dict]:
    """The side list of the review page: findings by severity, each rule+text once with its count.

    A waiver is made for a rule and a text, so the list offers one 确认保留 per pair. ``anchor`` is
    the id of the first occurrence's mark when each field is rendered with
    ``render_highlighted(text, that field's findings in order, id_prefix="pf-<field>")``.
    """
    pairs: dict[tuple[str, str], dict] = {}
    seen = defaultdict(int)  # per field: the finding's index in that field's list, as the marks number them
    for f in findings:
        key = waiver_key(f)
        index, seen[f["field"]] = seen[f["field"]], seen[f["field"]] + 1
        entry = pairs.get(key)
        if entry is None:
            entry = pairs[key] = {**f, "count": 0, "waiver": waivers.get(key), "first": f["start"],
                                  "anchor": f"pf-{f['field']}-{index}"}
        entry["count"] += 1
    by_severity = defaultdict(list)
    for entry in pairs.values():
        by_severity[entry["severity"]].append(entry)
    labels = dict(Severity.choices)
    groups = []
    for severity in (Severity.ERROR, Severity.WARNING):
        entries = sorted(by_severity.get(severity, []), key=lambda e: (e["waiver"] is not None, e["field"] != "title",
                                                                       e["first"]))
        groups.append({"severity": severity, "label": labels[severity], "entries": entries,
                       "open": sum(e["waiver"] is None for e in entries),
                       "total": sum(e["count"] for e in entries)})
    return groups


def highlighted(version: ContentVersion, findings: list[dict], waivers: dict, field: str) -> SafeString:
    """``field`` of the version as HTML with its findings marked (``render_highlighted``).

    A waived finding gets its own muted look (``proof-waived``), its tooltip saying it was kept and
    why, since it no longer blocks signing. The HTML depends only on the version, its findings and
    the waivers, so it is cached under those: the review page of a long text with hundreds of
    findings renders it once.
    """
    tag = hashlib.sha256(repr(sorted((k, w.reason) for k, w in waivers.items())).encode()).hexdigest()[:16]
    key = f"outlets:highlighted:v2:{version.pk}:{version.digest}:{field}:{version.findings_revision}:{tag}"
    html = cache_get(key)
    if html is None:
        marked = []
        for f in findings:
            if f["field"] != field:
                continue
            waiver = waivers.get(waiver_key(f))
            if waiver is not None:
                f = {**f, "waived": True, "waived_reason": waiver.reason}
            marked.append(f)
        html = str(render_highlighted(getattr(version, field), marked, id_prefix=f"pf-{field}"))
        cache_set(key, html, HIGHLIGHT_SECONDS)
    return mark_safe(html)
