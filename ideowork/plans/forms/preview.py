"""The import preview: one page of forms over a draft — the plan header, each item, each target.

Field names follow the draft's keys: ``plan-title``, ``i3-title``, ``i3t1-count``, ``i3new-text``.
"""

from __future__ import annotations

import copy

from ..drafts import iter_items
from ..highlight import highlight_targets
from .imports import PlanHeaderForm
from .items import PreviewItemForm
from .targets import TARGET_FORM_FIELDS, NewTargetForm, PreviewTargetForm

__all__ = ["ImportPreview"]


class ImportPreview:
    def __init__(self, draft: dict, user, data=None):
        self.draft = draft
        bound = data is not None
        self.header = PlanHeaderForm(data, user=user, prefix="plan", initial={
            "title": draft["title"], "year": draft["year"], "issuer": draft["issuer"],
            "org_unit": draft["org_unit_id"]})
        self.items = []
        for item in iter_items(draft):
            form = PreviewItemForm(data, prefix=item["key"], initial={"number": item["number"], "title": item["title"]})
            targets = [PreviewTargetForm(data, prefix=t["key"], initial={k: t.get(k) for k in TARGET_FORM_FIELDS})
                       for t in item["targets"]]
            new = NewTargetForm(data, prefix=f"{item['key']}new") if bound else NewTargetForm(prefix=f"{item['key']}new")
            self.items.append({"item": item, "form": form, "targets": list(zip(item["targets"], targets)),
                               "new": new})

    def forms(self):
        yield self.header
        for entry in self.items:
            yield entry["form"]
            if entry["form"].deleted:
                continue  # nothing inside a left-out item needs to be valid
            for _, form in entry["targets"]:
                yield form
            yield entry["new"]

    def is_valid(self) -> bool:
        return all([form.is_valid() for form in self.forms()])

    @property
    def error_count(self) -> int:
        return sum(1 for form in self.forms() if form.is_bound and form.errors)

    def applied(self) -> dict:
        """A copy of the draft with the (valid) edits applied; removed items and targets left out."""
        draft = copy.deepcopy(self.draft)
        header = self.header.cleaned_data
        draft.update(title=header["title"].strip(), year=header["year"], issuer=header["issuer"].strip(),
                     org_unit_id=header["org_unit"].pk)
        by_key = {entry["item"]["key"]: entry for entry in self.items}
        for section in draft["sections"]:
            kept = []
            for item in section["items"]:
                entry = by_key[item["key"]]
                if entry["form"].deleted:
                    continue
                item.update(number=entry["form"].cleaned_data["number"], title=entry["form"].cleaned_data["title"])
                item["targets"] = self._targets(item, entry)
                kept.append(item)
            section["items"] = kept
        return draft

    def _targets(self, item: dict, entry: dict) -> list[dict]:
        targets = []
        for target, form in entry["targets"]:
            if form.cleaned_data.get("delete"):
                continue
            values = form.values()
            if values["text"] != target["text"]:
                target.pop("start", None)
                target.pop("end", None)
            if values["count"] != target.get("count"):
                target["explicit"] = True
            target.update(values)
            targets.append(target)
        new = entry["new"]
        if not new.is_empty:
            target = {**new.values(), "explicit": True, "key": f"{item['key']}t{item['next_target']}"}
            item["next_target"] += 1
            targets.append(target)
        return targets

    def sections(self):
        """What the template walks: sections → items with their forms and highlighted text."""
        entries = iter(self.items)
        for section in self.draft["sections"]:
            rows = []
            for item in section["items"]:
                entry = next(entries)
                rows.append({**entry, "html": highlight_targets(item["text"], item["targets"])})
            yield {"number": section["number"], "title": section["title"], "items": rows}
