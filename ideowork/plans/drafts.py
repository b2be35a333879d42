"""Pending imports: a parsed document waiting in the user's session until it is saved.

A draft is the parser's ``to_dict()`` shape plus what the user chose (unit, year) and keys for the
preview form: every item gets ``key`` ("i3") and every target ``key`` ("i3t1"). Nothing reaches the
database until the user saves, so an abandoned or broken import leaves no rows behind.
"""

from __future__ import annotations

import secrets

from ideowork.core.periods import PeriodKind

from .choices import Comparator, Per

__all__ = ["new_draft", "store_draft", "load_draft", "discard_draft", "iter_items", "draft_counts",
           "normalise_target"]

SESSION_KEY = "plans.import_drafts"
MAX_DRAFTS = 5  # per session; the oldest is dropped, so a session cannot grow without bound


def normalise_target(raw: dict) -> dict:
    """A parser target with values the form and the model accept (unknown choices → defaults)."""
    period = raw.get("period") if raw.get("period") in PeriodKind.values else PeriodKind.YEAR
    comparator = raw.get("comparator") if raw.get("comparator") in Comparator.values else Comparator.AT_LEAST
    per = raw.get("per") if raw.get("per") in Per.values else Per.ORG
    target = {"text": (raw.get("text") or "").strip(), "count": raw.get("count"), "unit": raw.get("unit") or "次",
              "period": period, "comparator": comparator, "per": per, "explicit": bool(raw.get("explicit", True))}
    if isinstance(raw.get("start"), int) and isinstance(raw.get("end"), int):
        target.update(start=raw["start"], end=raw["end"])
    return target


def new_draft(parsed: dict, *, org_unit_id: int, year: int | None, source_name: str, source_text: str) -> dict:
    sections, n = [], 0
    for raw_section in parsed.get("sections") or []:
        items = []
        for raw_item in raw_section.get("items") or []:
            n += 1
            targets = [normalise_target(t) for t in raw_item.get("targets") or []]
            for m, target in enumerate(targets, 1):
                target["key"] = f"i{n}t{m}"
            items.append({"key": f"i{n}", "number": raw_item.get("number") or n,
                          "title": (raw_item.get("title") or "").strip(), "text": raw_item.get("text") or "",
                          "targets": targets, "next_target": len(targets) + 1})
        sections.append({"number": raw_section.get("number") or "", "title": raw_section.get("title") or "",
                         "items": items})
    return {"title": (parsed.get("title") or "").strip(), "year": year or parsed.get("year"),
            "issuer": (parsed.get("issuer") or "").strip(), "org_unit_id": org_unit_id,
            "source_name": source_name, "source_text": source_text, "sections": sections}


def iter_items(draft: dict):
    for section in draft["sections"]:
        yield from section["items"]


def draft_counts(draft: dict) -> tuple[int, int]:
    """(items, targets) in the draft."""
    items = list(iter_items(draft))
    return len(items), sum(len(item["targets"]) for item in items)


def store_draft(session, draft: dict, token: str | None = None) -> str:
    drafts = dict(session.get(SESSION_KEY) or {})
    token = token or secrets.token_urlsafe(8)
    drafts.pop(token, None)
    drafts[token] = draft
    while len(drafts) > MAX_DRAFTS:
        drafts.pop(next(iter(drafts)))
    session[SESSION_KEY] = drafts
    return token


def load_draft(session, token: str) -> dict | None:
    return (session.get(SESSION_KEY) or {}).get(token)


def discard_draft(session, token: str) -> None:
    drafts = dict(session.get(SESSION_KEY) or {})
    if drafts.pop(token, None) is not None:
        session[SESSION_KEY] = drafts
