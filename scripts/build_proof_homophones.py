"""Build the proofreader's homophone and idiom tables (run by hand when the sources change; the outputs are
committed under ``ideowork/outlets/proofreading/data/reference/``).

    apt-get install unicode-data            # the Unicode Character Database with Unihan, /usr/share/unicode
    .venv/bin/python scripts/build_proof_homophones.py

homophones.tsv: the 3,755 characters of GB 2312 level 1 (Unihan kGB0, rows 16–55, the common characters an
input method offers first), grouped by their readings without tones (Unihan kMandarin and kXHC1983, the
readings of the 现代汉语词典). idioms.txt: the four-character 成语 and 习用语 of jieba's dictionary (tags i and l)
used at least 20 times in its corpus, then the hand-kept section of the existing file (公文 four-character
phrases) carried over unchanged.
"""

from __future__ import annotations

import bz2
import collections
import unicodedata
from pathlib import Path

import jieba

UNIHAN = Path("/usr/share/unicode")
OUT = Path(__file__).resolve().parents[1] / "ideowork" / "outlets" / "proofreading" / "data" / "reference"
MIN_FREQUENCY = 20
HAND_KEPT = "# 公文常用四字格"


def toneless(reading: str) -> str:
    plain = unicodedata.normalize("NFD", reading)
    return "".join(c for c in plain if not unicodedata.combining(c)).replace("ü", "v")


def level_one() -> set[str]:
    chars = set()
    for line in bz2.open(UNIHAN / "Unihan_OtherMappings.txt.bz2", "rt", encoding="utf-8"):
        if "\tkGB0\t" in line:
            point, _field, value = line.rstrip("\n").split("\t")
            if 16 <= int(value[:2]) <= 55:
                chars.add(chr(int(point[2:], 16)))
    return chars


def homophones() -> dict[str, set[str]]:
    common = level_one()
    by_reading: dict[str, set[str]] = collections.defaultdict(set)
    for line in bz2.open(UNIHAN / "Unihan_Readings.txt.bz2", "rt", encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        point, field, value = line.rstrip("\n").split("\t", 2)
        char = chr(int(point[2:], 16))
        if char not in common:
            continue
        if field == "kMandarin":
            readings = value.split()
        elif field == "kXHC1983":
            readings = [item.split(":", 1)[1] for item in value.split()]
        else:
            continue
        for reading in readings:
            by_reading[toneless(reading)].add(char)
    return by_reading


def main() -> None:
    by_reading = homophones()
    lines = ["# 同音字表：GB 2312 一级汉字（3755个常用字）按不带声调的读音分组，供固定四字格的同音别字检查。",
             "# 来源：Unicode 汉字数据库 Unihan 15.0（kGB0 定一级字；kMandarin 和 kXHC1983——《现代汉语词典》的读音），",
             "#       由 scripts/build_proof_homophones.py 生成。格式：读音<TAB>同音字。"]
    lines += [f"{reading}\t{''.join(sorted(chars))}" for reading, chars in sorted(by_reading.items())]
    (OUT / "homophones.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")

    dictionary = Path(jieba.__file__).parent / "dict.txt"
    idioms = []
    for line in dictionary.read_text(encoding="utf-8").splitlines():
        word, frequency, tag = line.split()
        if tag in ("i", "l") and len(word) == 4 and int(frequency) >= MIN_FREQUENCY:
            idioms.append(word)
    previous = (OUT / "idioms.txt").read_text(encoding="utf-8") if (OUT / "idioms.txt").exists() else ""
    kept = previous[previous.index(HAND_KEPT):] if HAND_KEPT in previous else HAND_KEPT + "\n"
    header = ["# 固定四字格：成语、习用语和公文常用四字格。文中某个四字组合与其中一条只差一个同音字（如“承上起下”）",
              "# 而本身又不是词语时，报告规范写法。",
              f"# 来源：jieba 0.42.1 词典（据《人民日报》语料）中词性为 i（成语）、l（习用语）且词频不少于 {MIN_FREQUENCY} 的四字词，",
              "#       由 scripts/build_proof_homophones.py 生成；最后一节“公文常用四字格”为手工维护，来源见该节。"]
    (OUT / "idioms.txt").write_text("\n".join(header + sorted(set(idioms))) + "\n\n" + kept, encoding="utf-8")


if __name__ == "__main__":
    main()
