"""What the demo's builders share while they build: the day the demo is built for, units and users
by key, one seeded random generator (the same day gives the same records), and a photo for evidence."""

from __future__ import annotations

import random
import struct
import zlib
from dataclasses import dataclass, field
from datetime import date

__all__ = ["DemoContext", "png_photo"]


@dataclass
class DemoContext:
    today: date
    # Unit keys: "city", a section name, "county:N", "gov", "gov:section"; users by username.
    units: dict = field(default_factory=dict)
    users: dict = field(default_factory=dict)
    rng: random.Random = field(default_factory=lambda: random.Random(2026))
    photo: bytes = b""
    # Activity kinds that the builders record through their own areas' services, by organ key ("city",
    # "gov"); the plans builder's generic year of ledger records leaves them out of that organ's plan.
    own_kinds: dict = field(default_factory=dict)
    activities: int = 0


def png_photo(width: int = 320, height: int = 200) -> bytes:
    """A small PNG (a red banner over a grey stage) standing in for a meeting photo."""
    rows = []
    for y in range(height):
        colour = (183, 28, 28) if y < height // 4 else (220, 220, 225) if y < height * 3 // 4 else (120, 90, 60)
        rows.append(b"\x00" + bytes(colour) * width)
    raw = zlib.compress(b"".join(rows), 9)

    def chunk(tag: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", raw) + chunk(b"IEND", b""))
