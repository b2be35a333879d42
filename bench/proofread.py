"""Proofreader benchmark: throughput on ~2 MB of Chinese official text with 100, 1,000 and 10,000 rules,
side by side with a plain per-rule regular-expression scan of the same text and rules.

    .venv/bin/python bench/proofread.py [--mb 2] [--rounds 3]

The text is the two seed documents plus generated official-style paragraphs (headings, enumerations,
numbers, quotes and a sprinkling of typical mistakes). The rules are the shipped ones plus generated
realistic wrong forms: 2–8 character phrases taken from the vocabulary of official texts with one
character replaced, so they share prefixes with the text without matching it everywhere, and a few
that do match (0.5%, each at most 3 times in the text). Throughput is MB (2^20 bytes of UTF-8) per second of CPU time on one core,
best of ``--rounds``;
the proofreader figure is the whole ``Proofreader.check`` (word rules and every structural check).
The regex scan runs ``re.finditer`` per rule; at 10,000 rules it is timed on a slice of the text and
extrapolated (the output says so).

Prints one line per rule count, then one JSON object on its last line:
{"mb_per_s": …, "ratio_vs_regex": …, "rules": {"100": {…}, "1000": {…}, "10000": {…}}, …}
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import sys
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"
sys.path.insert(0, str(ROOT))  # runs standalone, without installing the package
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ideowork.settings")

import ahocorasick  # noqa: E402
import django  # noqa: E402

django.setup()

from ideowork.outlets.proofreading import Proofreader, RuleSpec, shipped_rules  # noqa: E402

MB = 1024 * 1024
DAY = date(2026, 3, 5)
COUNTS = (100, 1_000, 10_000)
REGEX_SLICE_CHARS = 100_000  # at 10,000 rules the regex scan is timed on this many characters

SUBJECTS = ["各级党组织", "机关各科室", "县区编办", "全体党员干部", "宣传工作小组", "理论学习中心组", "各单位主要负责同志",
            "分管领导", "意识形态工作领导小组", "机关党委"]
VERBS = ["要深入学习贯彻", "要认真落实", "要持续推进", "要切实加强", "要不断完善", "要统筹推进", "要扎实开展", "要健全完善"]
OBJECTS = ["习近平新时代中国特色社会主义思想", "意识形态工作责任制", "网络意识形态阵地管理", "“三审三校”制度",
           "理论学习中心组学习制度", "机构编制资源配置", "舆情监测预警机制", "宣传阵地建设", "干部队伍作风建设",
           "基层意识形态工作", "政策解读工作机制", "社会主义核心价值观教育"]
TAILS = ["，确保各项任务落地见效。", "，全年开展不少于4次。", "，每季度至少研究1次。", "，推动工作高质量发展。",
         "，做到早发现、早报告、早处置。", "，增强政治意识、大局意识、核心意识、看齐意识。",
         "，投入经费12.5万元，比上年增长3.2%。", "，形成上下联动、全员参与的工作格局。"]
SLIPS = ["截止目前，", "其它", "的的", "习总书记", "布署", "，，", "2026年,", "(一)", "北韩"]


def generate_text(target_bytes: int, rng: random.Random) -> str:
    parts = [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]
    size = sum(len(p.encode()) for p in parts)
    section = 0
    cn = "一二三四五六七八九十"
    while size < target_bytes:
        section += 1
        lines = [f"{cn[(section - 1) % 10]}、{rng.choice(OBJECTS)}"]
        for sub in range(1, 4):
            lines.append(f"（{cn[sub - 1]}）{rng.choice(VERBS)[1:]}{rng.choice(OBJECTS)}")
            for item in range(1, 4):
                sentences = []
                for _ in range(rng.randint(3, 6)):
                    sentence = rng.choice(SUBJECTS) + rng.choice(VERBS) + rng.choice(OBJECTS) + rng.choice(TAILS)
                    if rng.random() < 0.05:
                        sentence = rng.choice(SLIPS) + sentence
                    sentences.append(sentence)
                lines.append(f"{item}.{''.join(sentences)}")
        block = "\n".join(lines) + "\n"
        parts.append(block)
        size += len(block.encode())
    return "\n".join(parts)


def generate_rules(count: int, text: str, rng: random.Random) -> list[RuleSpec]:
    """The shipped rules, then generated ones: wrong forms absent from the text, and 0.5% that occur in it at most 3 times."""
    shipped = shipped_rules()
    if count <= len(shipped):
        return shipped[:count]
    alphabet = sorted({ch for ch in text if "\u4e00" <= ch <= "\u9fff"})
    patterns = {r.pattern for r in shipped}
    wanted = count - len(shipped)
    present_budget = max(1, wanted // 200)
    chosen: list[str] = []
    while len(chosen) < wanted:
        candidates = set()
        while len(candidates) < 2 * (wanted - len(chosen)):
            length = rng.randint(2, 8)
            start = rng.randrange(0, len(text) - length)
            phrase = text[start:start + length]
            if not all("\u4e00" <= ch <= "\u9fff" for ch in phrase):
                continue
            at = rng.randrange(length)
            wrong = phrase[:at] + rng.choice(alphabet) + phrase[at + 1:]
            candidates.add(wrong if rng.random() > 0.05 else phrase)
        occurring = _occurring(candidates - patterns, text)
        for phrase in sorted(candidates - patterns):
            if len(chosen) == wanted:
                break
            if phrase in occurring:
                # A realistic rule matches a text now and then, not in every paragraph.
                if present_budget <= 0 or occurring[phrase] > 3:
                    continue
                present_budget -= 1
            patterns.add(phrase)
            chosen.append(phrase)
    return shipped + [RuleSpec(code=f"custom.bench{n}", category="custom", pattern=phrase, suggestion=phrase[::-1],
                               severity="warning", note="") for n, phrase in enumerate(chosen)]


def _occurring(phrases: set[str], text: str) -> dict[str, int]:
    automaton = ahocorasick.Automaton()
    for phrase in phrases:
        automaton.add_word(phrase, phrase)
    automaton.make_automaton()
    counts: dict[str, int] = {}
    for _end, phrase in automaton.iter(text):
        counts[phrase] = counts.get(phrase, 0) + 1
    return counts


def best_of(rounds: int, work) -> tuple[float, object]:
    """The best CPU time of ``rounds`` runs: one core's work, unaffected by other processes on the machine."""
    best, result = float("inf"), None
    for _ in range(rounds):
        started = time.process_time()
        result = work()
        best = min(best, time.process_time() - started)
    return best, result


def regex_scan(patterns: list[re.Pattern], text: str) -> int:
    return sum(1 for pattern in patterns for _ in pattern.finditer(text))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mb", type=float, default=2.0, help="size of the generated text in MB")
    parser.add_argument("--rounds", type=int, default=3, help="best of this many runs")
    args = parser.parse_args()
    rng = random.Random(2026)
    text = generate_text(int(args.mb * MB), rng)
    megabytes = len(text.encode("utf-8")) / MB
    print(f"text: {len(text):,} characters, {megabytes:.2f} MB UTF-8")
    figures: dict[str, dict] = {}
    for count in COUNTS:
        rules = generate_rules(count, text, random.Random(count))
        compile_s, proofreader = best_of(1, lambda: Proofreader(rules))
        check_s, findings = best_of(args.rounds, lambda: proofreader.check(text, date=DAY))
        words_s, _ = best_of(args.rounds, lambda: proofreader._word_findings(text, DAY))
        patterns = [re.compile(re.escape(rule.pattern)) for rule in rules]
        sample = text if count < 10_000 else text[:REGEX_SLICE_CHARS]
        regex_s, _ = best_of(1 if count >= 10_000 else args.rounds, lambda: regex_scan(patterns, sample))
        regex_mb = len(sample.encode("utf-8")) / MB
        figures[str(count)] = {
            "mb_per_s": round(megabytes / check_s, 2),
            "word_rules_mb_per_s": round(megabytes / words_s, 2),
            "regex_mb_per_s": round(regex_mb / regex_s, 3),
            "ratio_vs_regex": round((megabytes / check_s) / (regex_mb / regex_s), 1),
            "regex_timed_on_mb": round(regex_mb, 3),
            "regex_extrapolated": sample is not text,
            "findings": len(findings),
            "compile_s": round(compile_s, 3),
        }
        print(f"{count:>6} rules: proofreader {figures[str(count)]['mb_per_s']} MB/s "
              f"(word rules alone {figures[str(count)]['word_rules_mb_per_s']} MB/s, {len(findings)} findings, "
              f"compiled in {compile_s:.2f} s); per-rule regex {figures[str(count)]['regex_mb_per_s']} MB/s"
              + (f" (timed on the first {regex_mb:.2f} MB and extrapolated)" if sample is not text else ""))
    top = figures[str(COUNTS[-1])]
    low = figures[str(COUNTS[0])]
    print(json.dumps({
        "mb_per_s": top["mb_per_s"],
        "ratio_vs_regex": top["ratio_vs_regex"],
        "flatness_10000_vs_100": round(top["mb_per_s"] / low["mb_per_s"], 2),
        "text_mb": round(megabytes, 2),
        "mb": "2^20 bytes of UTF-8 per CPU second, one core, best of %d" % args.rounds,
        "regex_at_10000": "timed on a %d-character slice and extrapolated" % REGEX_SLICE_CHARS,
        "rules": figures,
    }, ensure_ascii=False))


if __name__ == "__main__":
    main()
