"""Comparing two versions of a text side by side: paragraphs aligned, changed characters marked.

Paragraphs (lines) are aligned with ``difflib``; within a pair of changed paragraphs the
characters are compared again, and deleted ones are wrapped in ``<del>`` on the left, inserted
ones in ``<ins>`` on the right. Every piece of text is escaped before it is marked, so the result
is safe to render as it is.
"""

from dataclasses import dataclass, field
from difflib import SequenceMatcher

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

__all__ = ["DiffRow", "TextDiff", "compare_texts", "paragraphs"]

# Two changed paragraphs are shown as one edited paragraph when at least this much of them agrees;
# otherwise as one deleted and one inserted paragraph.
PAIR_RATIO = 0.35


@dataclass(frozen=True)
class DiffRow:
    kind: str  # "equal" | "changed" | "deleted" | "inserted"
    left: SafeString | None
    right: SafeString | None
    left_no: int | None
    right_no: int | None


@dataclass
class TextDiff:
    rows: list[DiffRow] = field(default_factory=list)
    inserted_chars: int = 0
    deleted_chars: int = 0

    @property
    def changed_paragraphs(self) -> int:
        return sum(row.kind != "equal" for row in self.rows)

    @property
    def identical(self) -> bool:
        return self.changed_paragraphs == 0


def paragraphs(text: str) -> list[str]:
    """The non-blank lines of ``text``, stripped: the unit the comparison aligns."""
    return [line.strip() for line in (text or "").replace("\r\n", "\n").split("\n") if line.strip()]


def _plain(text: str) -> SafeString:
    return mark_safe(escape(text))


def _marked_pair(old: str, new: str, diff: TextDiff) -> tuple[SafeString, SafeString]:
    left, right = [], []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if op == "equal":
            left.append(escape(old[i1:i2]))
            right.append(escape(new[j1:j2]))
            continue
        if i2 > i1:
            left.append(f"<del>{escape(old[i1:i2])}</del>")
            diff.deleted_chars += i2 - i1
        if j2 > j1:
            right.append(f"<ins>{escape(new[j1:j2])}</ins>")
            diff.inserted_chars += j2 - j1
    return mark_safe("".join(left)), mark_safe("".join(right))


def _deleted(diff: TextDiff, text: str, number: int) -> DiffRow:
    diff.deleted_chars += len(text)
    return DiffRow("deleted", mark_safe(f"<del>{escape(text)}</del>"), None, number, None)


def _inserted(diff: TextDiff, text: str, number: int) -> DiffRow:
    diff.inserted_chars += len(text)
    return DiffRow("inserted", None, mark_safe(f"<ins>{escape(text)}</ins>"), None, number)


def _align_block(diff: TextDiff, old: list[str], new: list[str], i0: int, j0: int) -> list[DiffRow]:
    """Rows for a block of replaced paragraphs: pair each old one with the next similar new one."""
    rows, j = [], 0
    for i, text in enumerate(old):
        match = None
        for k in range(j, len(new)):
            matcher = SequenceMatcher(None, text, new[k], autojunk=False)
            if matcher.real_quick_ratio() >= PAIR_RATIO and matcher.quick_ratio() >= PAIR_RATIO \
                    and matcher.ratio() >= PAIR_RATIO:
                match = k
                break
        if match is None:
            rows.append(_deleted(diff, text, i0 + i + 1))
            continue
        rows.extend(_inserted(diff, new[k], j0 + k + 1) for k in range(j, match))
        left, right = _marked_pair(text, new[match], diff)
        rows.append(DiffRow("changed", left, right, i0 + i + 1, j0 + match + 1))
        j = match + 1
    rows.extend(_inserted(diff, new[k], j0 + k + 1) for k in range(j, len(new)))
    return rows


def compare_texts(old_text: str, new_text: str) -> TextDiff:
    """Rows of the side-by-side comparison of ``old_text`` (left) and ``new_text`` (right)."""
    old, new = paragraphs(old_text), paragraphs(new_text)
    diff = TextDiff()
    for op, i1, i2, j1, j2 in SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        if op == "equal":
            diff.rows.extend(DiffRow("equal", _plain(old[i1 + k]), _plain(new[j1 + k]), i1 + k + 1, j1 + k + 1)
                             for k in range(i2 - i1))
        elif op == "delete":
            diff.rows.extend(_deleted(diff, old[i], i + 1) for i in range(i1, i2))
        elif op == "insert":
            diff.rows.extend(_inserted(diff, new[j], j + 1) for j in range(j1, j2))
        else:
            diff.rows.extend(_align_block(diff, old[i1:i2], new[j1:j2], i1, j1))
    return diff
