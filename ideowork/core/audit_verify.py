"""Verifying the audit chain, in the database or in an exported archive.

Events are read in sequence order from the anchor (the last purged event, or the start): each must
carry the next number (a gap is a deleted event) and a MAC that its own content and the previous
event's MAC reproduce (else it was edited, or moved: ``_diagnose`` tells which). The last must be the
head's. The first broken link is reported; nothing after it can be trusted.
"""

from __future__ import annotations

import hmac
import json
from dataclasses import dataclass, field
from typing import Iterable, Iterator

from .audit_chain import ALGORITHMS, CHAIN_FIELDS, audit_key, canonical

CHAIN_COLUMNS = [*CHAIN_FIELDS, "mac", "mac_alg"]  # what a stored link holds

__all__ = ["ChainReport", "verify_chain", "verify_rows", "verify_archive"]

DIAGNOSIS_WINDOW = 50  # events either side searched for the place a moved event came from


@dataclass
class ChainReport:
    ok: bool
    checked: int = 0            # events whose link was verified
    first_seq: int = 0
    last_seq: int = 0
    kind: str = ""              # edited | deleted | reordered | head | algorithm | archive
    seq: int | None = None      # the first broken link
    message: str = ""
    details: dict = field(default_factory=dict)

    @property
    def summary(self) -> str:
        if self.ok:
            if not self.checked:
                return "审计链完整：没有需要校验的审计记录。"
            return f"审计链完整：共校验 {self.checked} 条审计记录（第 {self.first_seq} 号至第 {self.last_seq} 号）。"
        return f"审计链在第 {self.seq} 号处断开：{self.message}"


KIND_LABELS = {"edited": "记录被修改", "deleted": "记录被删除", "reordered": "记录顺序被调换", "head": "链头不符",
               "algorithm": "无法校验", "archive": "归档文件不完整"}


def verify_rows(rows: Iterable[tuple], *, anchor_seq: int, anchor_mac: str, key: bytes | None = None,
                window=None) -> ChainReport:
    """Verify ``rows`` (``CHAIN_FIELDS`` values followed by mac and mac_alg, in sequence order) from
    the anchor. ``window(seq)`` returns the rows around ``seq`` to diagnose a broken MAC."""
    key = audit_key() if key is None else key
    expected, prev, checked = anchor_seq + 1, anchor_mac, 0
    digest, dumps = hmac.digest, canonical
    for row in rows:
        seq = row[0]
        if seq != expected:
            missing = f"第 {expected} 号" if seq == expected + 1 else f"第 {expected} 号至第 {seq - 1} 号"
            return ChainReport(False, checked, anchor_seq + 1, expected - 1, "deleted", expected,
                               f"{missing}审计记录缺失（被删除）。")
        mac, algorithm = row[-2], row[-1]
        name = ALGORITHMS.get(algorithm)
        if name is None:
            return ChainReport(False, checked, anchor_seq + 1, expected - 1, "algorithm", seq,
                               f"未知的校验算法“{algorithm}”。")
        if not hmac.compare_digest(digest(key, dumps(row[:-2]) + b"|" + prev.encode(), name).hex(), mac):
            kind, message = _diagnose(row, prev, key, window(seq) if window else [])
            return ChainReport(False, checked, anchor_seq + 1, expected - 1, kind, seq, message)
        prev, expected, checked = mac, expected + 1, checked + 1
    return ChainReport(True, checked, anchor_seq + 1, expected - 1, details={"last_mac": prev})


def _diagnose(row, prev: str, key: bytes, neighbours: list[tuple]) -> tuple[str, str]:
    """An event whose MAC does not match here: was it moved from another place (its MAC matches
    some nearby number after some nearby event), or was its content changed?"""
    seq, algorithm, mac = row[0], ALGORITHMS[row[-1]], row[-2]
    prevs = {prev} | {r[-2] for r in neighbours}
    seqs = {r[0] for r in neighbours} | {seq}
    for number in sorted(seqs, key=lambda n: abs(n - seq)):
        body = canonical([number, *row[1:-2]]) + b"|"
        for candidate in prevs:
            if hmac.compare_digest(hmac.digest(key, body + candidate.encode(), algorithm).hex(), mac):
                if number != seq:
                    return "reordered", f"第 {seq} 号审计记录原为第 {number} 号，顺序被调换。"
                return "reordered", f"第 {seq} 号审计记录之前的记录被调换或替换。"
    return "edited", f"第 {seq} 号审计记录的内容与校验码不符（被修改，或删除其他记录后重新编号）。"


def chain_rows(using: str, first: int, last: int, batch: int = 5000) -> Iterator[tuple]:
    """The rows ``first``..``last`` in chain order as tuples of ``CHAIN_COLUMNS``, read in batches."""
    from .models import AuditEvent

    columns = CHAIN_COLUMNS
    after = first - 1
    while after < last:
        chunk = list(AuditEvent.objects.using(using).filter(seq__gt=after, seq__lte=last).order_by("seq")
                     .values_list(*columns)[:batch])
        if not chunk:
            return
        yield from chunk
        after = chunk[-1][0]


def verify_chain(using: str = "default") -> ChainReport:
    """Verify the whole chain in the database, up to the head as it stands when the check starts."""
    from .models import AuditChainHead, AuditEvent

    head = AuditChainHead.objects.using(using).filter(pk=1).first()
    if head is None:
        last = AuditEvent.objects.using(using).order_by("-seq").values_list("seq", "mac").first()
        head = AuditChainHead(last_seq=last[0] if last else 0, last_mac=last[1] if last else "")
    columns = [*CHAIN_FIELDS, "mac", "mac_alg"]

    def window(seq):
        return list(AuditEvent.objects.using(using).filter(seq__gte=seq - DIAGNOSIS_WINDOW,
                                                           seq__lte=seq + DIAGNOSIS_WINDOW)
                    .order_by("seq").values_list(*columns))

    report = verify_rows(chain_rows(using, head.anchor_seq + 1, head.last_seq), anchor_seq=head.anchor_seq,
                         anchor_mac=head.anchor_mac, window=window)
    if not report.ok:
        return report
    if report.last_seq < head.last_seq:
        gap = report.last_seq + 1
        missing = f"第 {gap} 号" if gap == head.last_seq else f"第 {gap} 号至第 {head.last_seq} 号"
        return ChainReport(False, report.checked, report.first_seq, report.last_seq, "deleted", gap,
                           f"{missing}审计记录缺失（被删除）。")
    if report.checked and report.details["last_mac"] != head.last_mac:
        return ChainReport(False, report.checked, report.first_seq, report.last_seq, "head", head.last_seq,
                           "链头记录的校验码与最后一条审计记录不符。")
    if head.anchor_seq and not _anchor_recorded(using, head):
        return ChainReport(False, report.checked, report.first_seq, report.last_seq, "deleted", head.anchor_seq,
                           f"链头的清理锚点（第 {head.anchor_seq} 号）没有对应的清理记录。")
    return report


def _anchor_recorded(using: str, head) -> bool:
    """A purge leaves its anchor in the chain (``core.audit.purge``): an anchor moved by hand to hide
    deleted events has none."""
    from .models import AuditEvent

    return any(event.get("through_seq") == head.anchor_seq and event.get("anchor_mac") == head.anchor_mac
               for event in AuditEvent.objects.using(using).filter(event_type="core.audit.purge")
               .values_list("new", flat=True) if isinstance(event, dict))


def verify_archive(lines: Iterable[str], key: bytes | None = None) -> ChainReport:
    """Verify an exported archive (``audit_archive.archive_lines``) without the database: its
    manifest's MAC, then the chain from the manifest's anchor, then its count and last number."""
    from .audit_archive import manifest_mac

    key = audit_key() if key is None else key
    lines = iter(lines)
    try:
        manifest = json.loads(next(lines))
    except (StopIteration, ValueError):
        return ChainReport(False, kind="archive", seq=0, message="文件不是审计归档（缺少清单行）。")
    claimed = manifest.pop("manifest_mac", "")
    if manifest.get("format") != "ideowork-audit-archive" or not hmac.compare_digest(
            manifest_mac(manifest, key), claimed):
        return ChainReport(False, kind="archive", seq=0, message="归档清单被修改或不是本系统的审计归档。")
    columns = [*CHAIN_FIELDS, "mac", "mac_alg"]
    decoded = []

    def rows():
        for line in lines:
            if line.strip():
                data = json.loads(line)
                decoded.append(data["seq"])
                yield tuple(data[name] for name in columns)

    anchor = manifest["anchor"]
    report = verify_rows(rows(), anchor_seq=anchor["seq"], anchor_mac=anchor["mac"], key=key)
    complete = report.checked == manifest["rows"] and (not report.checked or report.last_seq == manifest["last_seq"])
    if report.ok and not complete:
        gap = report.last_seq + 1
        return ChainReport(False, report.checked, report.first_seq, report.last_seq, "archive", gap,
                           f"归档应有 {manifest['rows']} 条记录，实有 {report.checked} 条：第 {gap} 号起缺失。")
    return report
