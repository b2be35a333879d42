"""Opinion matching benchmark: 1,000 schemes holding 20,000 words, items of 200–2,000 characters, one core.

    /work/main/.venv/bin/python bench/opinion_match.py [--items 20000] [--regex-items 200] [--seed 13]

Words are drawn from jieba's dictionary (2–4 characters, frequency ≥ 20): place names (ns) for 地域词,
organisations and nouns (nt, n) for 主体词, verbs and nouns (v, vn, n) for 事件词 and 排除词. Every
scheme holds exactly 20 words in one of four shapes: word groups only; groups plus an advanced
expression with OR, proximity and NOT; an advanced expression of three OR groups and a NOT group;
three proximity pairs ORed, ANDed with an OR group, minus a NOT group. Items are real sentences (the
two seed documents and the opinion development set, shuffled) cut to a length drawn from 200–2,000
characters; 30% of them get one to three words of a random scheme planted, so schemes do match, and
3% are converted to traditional characters (OpenCC s2t), as reposts from Hong Kong or Taiwan pages.

The automaton matcher (``Matcher.match``: normalisation, one scan, evaluation) is timed on every
item, in CPU seconds of this process (``time.process_time``), best of ``--rounds``; so is the scan
alone (the matcher's daachorse automaton finding every occurrence in each item text and doing nothing
else, ``scan_only_items_per_s``), the floor the matcher cannot go below. Side by side, each
scheme evaluated with its own compiled regular expressions (one ``re`` pattern per word, searched in
the normalised item, proximity by a lookahead ``finditer``) over the first ``--regex-items`` items
(the regex is too slow for all of them: its rate is extrapolated, and the JSON says so). Both must
give the same matches on those items.

Last line: {"items_per_s": …, "ratio_vs_regex": …, …}
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"
sys.path.insert(0, str(ROOT))  # runs standalone; the matching package needs no Django

import jieba  # noqa: E402

from bench.opinion_world import sentences_up_to  # noqa: E402
from ideowork.opinion.matching import (And, Matcher, Near, Not, Or, Word, item_text, normalise,  # noqa: E402
                                       parse, scheme_expression, words_of)
from ideowork.opinion.matching.normalise import normalisation_table  # noqa: E402

TRADITIONAL_SHARE = 0.03  # items reposted from Hong Kong, Macao or Taiwan pages
SCHEMES = 1_000
WORDS_PER_SCHEME = 20
CJK = re.compile(r"^[\u4e00-\u9fff]{2,4}$")


def word_pools(rng: random.Random) -> dict[str, list[str]]:
    pools: dict[str, list[str]] = {"ns": [], "nt": [], "n": [], "v": []}
    path = Path(jieba.__file__).parent / "dict.txt"
    for line in path.read_text(encoding="utf-8").splitlines():
        word, freq, tag = line.split(" ")
        if int(freq) < 20 or not CJK.match(word):
            continue
        if tag in ("ns",):
            pools["ns"].append(word)
        elif tag in ("nt",):
            pools["nt"].append(word)
        elif tag == "n":
            pools["n"].append(word)
        elif tag in ("v", "vn"):
            pools["v"].append(word)
    for words in pools.values():
        rng.shuffle(words)
    return pools


def make_schemes(rng: random.Random, pools) -> list[tuple[int, object, list[str]]]:
    """(id, expression, the words to plant) for each scheme."""
    def draw(kind, k):
        return rng.sample(pools[kind], k)

    def alt(words):
        return "(" + "|".join(words) + ")"

    schemes = []
    for index in range(SCHEMES):
        shape = rng.random()
        if shape < 0.5:
            regions, subjects = draw("ns", 3), draw("nt", 2) + draw("n", 2)
            events, excludes = draw("v", 10), draw("n", 3)
            node = scheme_expression(regions=regions, subjects=subjects, events=events, excludes=excludes)
            plant = [rng.choice(regions), rng.choice(subjects), rng.choice(events)]
        elif shape < 0.7:
            regions, subjects, events, excludes = draw("ns", 2), draw("nt", 3), draw("v", 8), draw("n", 2)
            w = draw("v", 5)
            advanced = f"({w[0]}|{w[1]})+{w[2]}~10 {w[3]}+-{w[4]}"
            node = scheme_expression(regions=regions, subjects=subjects, events=events, excludes=excludes,
                                     advanced=advanced)
            plant = [rng.choice(regions), rng.choice(subjects), rng.choice(events), w[0], w[2], w[3]]
        elif shape < 0.85:
            a, b, c = draw("ns", 4) + draw("nt", 4), draw("v", 8), draw("n", 4)
            node = parse(f"{alt(a)}+{alt(b)}+-{alt(c)}")
            plant = [rng.choice(a), rng.choice(b)]
        else:
            p, q, c = draw("n", 6), draw("v", 10), draw("n", 4)
            node = parse(f"({p[0]}~20 {p[1]}|{p[2]}~20 {p[3]}|{p[4]}~20 {p[5]})+{alt(q)}+-{alt(c)}")
            plant = [p[0], p[1], rng.choice(q)]
        schemes.append((index, node, plant))
    return schemes


def sentences() -> list[str]:
    """Sentences of the seeds and of the development set's simplified items (its traditional ones are
    left out: they come back as the share of items in traditional characters, ``TRADITIONAL_SHARE``)."""
    texts = [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]
    matchset = ROOT / "tests" / "opinion" / "matchset" / "items.jsonl"
    texts += [json.loads(line)["text"] for line in matchset.read_text(encoding="utf-8").splitlines() if line]
    found = []
    for text in texts:
        found += [s.strip() + "。" for s in re.split(r"[。！？\n]", text) if len(s.strip()) >= 8]
    return [s for s in found if not _has_traditional(s)]


def _has_traditional(text: str) -> bool:
    table = normalisation_table()
    return any(0x4E00 <= ord(c) <= 0x9FFF and ord(c) in table for c in text)


def make_items(rng: random.Random, count: int, pool: list[str], schemes) -> list[tuple[str, str]]:
    items = []
    for _ in range(count):
        length = rng.randint(200, 2000)
        parts = sentences_up_to(rng, pool, length)
        if rng.random() < 0.3:
            plant = rng.choice(schemes)[2]
            for word in rng.sample(plant, rng.randint(1, min(3, len(plant)))):
                parts.insert(rng.randrange(len(parts) + 1), word)
        text = "".join(parts)[:length]
        title = rng.choice(pool)[:30]
        if rng.random() < TRADITIONAL_SHARE:
            title, text = to_traditional(title), to_traditional(text)
        items.append((title, text))
    return items


def to_traditional(text: str) -> str:
    import opencc

    return opencc.OpenCC("s2t").convert(text)


# -- the regex baseline: each scheme on its own, one compiled pattern per word ----------------------

class RegexScheme:
    def __init__(self, node):
        self.node = node
        self.patterns: dict[str, re.Pattern] = {}
        self.lookaheads: dict[str, re.Pattern] = {}
        self._collect(node)

    def _collect(self, node):
        if isinstance(node, Word):
            self.patterns.setdefault(node.text, re.compile(re.escape(node.text)))
        elif isinstance(node, Near):
            for word in (node.left, node.right):
                self.lookaheads.setdefault(word.text, re.compile(f"(?={re.escape(word.text)})"))
        elif isinstance(node, Not):
            self._collect(node.operand)
        else:
            for operand in node.operands:
                self._collect(operand)

    def holds(self, node, text) -> bool:
        if isinstance(node, Word):
            return self.patterns[node.text].search(text) is not None
        if isinstance(node, Not):
            return not self.holds(node.operand, text)
        if isinstance(node, And):
            return all(self.holds(o, text) for o in node.operands)
        if isinstance(node, Or):
            return any(self.holds(o, text) for o in node.operands)
        left, right, n = node.left.text, node.right.text, node.distance
        starts_b = [m.start() for m in self.lookaheads[right].finditer(text)]
        if not starts_b:
            return False
        for a in (m.start() for m in self.lookaheads[left].finditer(text)):
            for b in starts_b:
                if (a, len(left)) == (b, len(right)):
                    continue
                if max(b - a - len(left), a - b - len(right), 0) <= n:
                    return True
        return False


def regex_match(regex_schemes, title, text) -> list[int]:
    normalised = normalise(item_text(title, text))
    return [index for index, scheme in regex_schemes if scheme.holds(scheme.node, normalised)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=20_000)
    parser.add_argument("--regex-items", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args()
    rng = random.Random(args.seed)

    normalise("預熱")  # build the normalisation table outside the timings
    pools = word_pools(rng)
    schemes = make_schemes(rng, pools)
    word_slots = sum(1 for _, node, _ in schemes for _ in words_of(node))
    items = make_items(rng, args.items, sentences(), schemes)
    chars = sum(len(title) + len(text) for title, text in items)

    started = time.process_time()
    matcher = Matcher.compile([(index, node) for index, node, _ in schemes])
    compile_s = time.process_time() - started

    best = None
    for _ in range(args.rounds):
        started = time.process_time()
        results = [matcher.match(title, text) for title, text in items]
        elapsed = time.process_time() - started
        best = elapsed if best is None else min(best, elapsed)
    items_per_s = len(items) / best

    # The floor: the same automaton finding every occurrence in the same item texts, nothing else.
    find = matcher._find
    texts = [item_text(title, text) for title, text in items]
    scan_best = None
    for _ in range(args.rounds):
        started = time.process_time()
        for data in texts:
            find(data)
        elapsed = time.process_time() - started
        scan_best = elapsed if scan_best is None else min(scan_best, elapsed)
    print(f"automaton: {len(items)} items ({chars / len(items):.0f} characters on average) in {best:.3f} s CPU "
          f"= {items_per_s:,.0f} items/s; {sum(map(len, results)) / len(items):.2f} matches an item")

    sample = items[:args.regex_items]
    regex_schemes = [(index, RegexScheme(node)) for index, node, _ in schemes]
    started = time.process_time()
    regex_results = [regex_match(regex_schemes, title, text) for title, text in sample]
    regex_s = time.process_time() - started
    regex_items_per_s = len(sample) / regex_s
    same = regex_results == results[:len(sample)]
    print(f"regex per scheme: {len(sample)} items in {regex_s:.2f} s CPU = {regex_items_per_s:,.1f} items/s "
          f"(extrapolated from {len(sample)} items); same matches: {same}")
    if not same:
        raise SystemExit("the regex baseline and the automaton disagree")

    summary = {
        "items_per_s": round(items_per_s),
        "ratio_vs_regex": round(items_per_s / regex_items_per_s, 1),
        "regex_items_per_s": round(regex_items_per_s, 1),
        "regex_timed_on_items": len(sample),
        "regex_extrapolated": len(sample) < len(items),
        "same_matches_on_sample": same,
        "schemes": len(schemes),
        "words": word_slots,
        "distinct_words": len(matcher.words),
        "items": len(items),
        "mean_item_chars": round(chars / len(items)),
        "matches_per_item": round(sum(map(len, results)) / len(items), 2),
        "scan_only_items_per_s": round(len(items) / scan_best),
        "compile_s": round(compile_s, 2),
        "cpu": "one core, process time, best of %d" % args.rounds,
    }
    print(json.dumps(summary, ensure_ascii=False))


if __name__ == "__main__":
    main()
