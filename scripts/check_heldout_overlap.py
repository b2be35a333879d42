"""Is a new held-out set of the plan parser apart from every other text? (run before writing its gold)

    python scripts/check_heldout_overlap.py tests/plans/heldout10

Reports each document of FOLDER whose address (in gold/*.json, or in sources.md) is used by another set, or
that shares a 60-character stretch (whitespace removed) with any text of tests/plans (corpus, documents,
every other held-out set), the proofreader's sets (tests/outlets), the seeds, or another document of FOLDER.
Exits 1 when any is found.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
STRETCH = 60


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _addresses(folder: Path) -> set[str]:
    found = set()
    for gold in folder.glob("gold/*.json"):
        source = json.loads(gold.read_text(encoding="utf-8")).get("source")
        if source:
            found.add(source.rstrip("/"))
    for notes in folder.glob("*.md"):
        found.update(url.rstrip("/") for url in re.findall(r"https?://[^\s|)>\]]+", notes.read_text(encoding="utf-8")))
    return found


def _stretches(text: str) -> set[str]:
    flat = _flat(text)
    return {flat[start:start + STRETCH] for start in range(0, max(1, len(flat) - STRETCH + 1), 10)}


def main(folder: Path) -> int:
    folder = folder.resolve()
    others = [path for path in (REPO / "tests").rglob("*") if path.suffix in {".txt", ".md", ".json"}
              and folder not in path.parents]
    others += list((REPO.parent / "shared" / "seeds").glob("*.txt"))
    other_text = {path: _flat(path.read_text(encoding="utf-8", errors="replace")) for path in others}
    other_addresses = set()
    for path in others:
        if path.suffix in {".md", ".json"}:
            other_addresses.update(url.rstrip("/") for url in re.findall(r"https?://[^\s\"|)>\]]+", path.read_text(encoding="utf-8", errors="replace")))
    problems = 0
    for address in sorted(_addresses(folder) & other_addresses):
        print(f"address used elsewhere: {address}")
        problems += 1
    documents = sorted(folder.glob("*.txt"))
    for document in documents:
        stretches = _stretches(document.read_text(encoding="utf-8"))
        for path, text in other_text.items():
            if path.suffix == ".txt" and any(stretch in text for stretch in stretches):
                print(f"{document.name}: shares a {STRETCH}-character stretch with {path.relative_to(REPO.parent)}")
                problems += 1
        for other in documents:
            if other != document and any(stretch in _flat(other.read_text(encoding="utf-8")) for stretch in stretches):
                print(f"{document.name}: shares a {STRETCH}-character stretch with {other.name}")
                problems += 1
    print(f"{len(documents)} documents checked, {problems} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
