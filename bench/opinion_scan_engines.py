"""The automata the opinion matcher could scan with, side by side on the matcher bench's words and items.

    /work/main/.venv/bin/python bench/opinion_scan_engines.py [--items 5000] [--path DIR]

Each engine finds every occurrence (overlapping ones included) of the 14,052 distinct words of
``bench/opinion_match.py``'s 1,000 schemes in the same items (its generator, seed 13), and the rate is
items per CPU second of this process, best of three. Engines that are not installed are left out;
``--path`` adds a directory to look for them in (``pip install --target DIR hyperscan ahocorasick-rs``
keeps candidates out of the project's virtualenv). The matcher itself (``Matcher.match_text``) runs too.

Last line: {"<engine>": items_per_s, …}
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=5000)
    parser.add_argument("--path", action="append", default=[])
    args = parser.parse_args()
    sys.path.extend(args.path)

    import opinion_match as bench

    from ideowork.opinion.matching import Matcher, item_text, normalise

    rng = random.Random(13)
    normalise("預熱")
    schemes = bench.make_schemes(rng, bench.word_pools(rng))
    items = bench.make_items(rng, args.items, bench.sentences(), schemes)
    matcher = Matcher.compile([(index, node) for index, node, _ in schemes])
    words = matcher.words
    texts = [item_text(title, text) for title, text in items]
    encoded = [text.encode("utf-8") for text in texts]
    results: dict[str, int] = {}

    def timed(name, scan, data):
        best = None
        for _ in range(3):
            started = time.process_time()
            for datum in data:
                scan(datum)
            elapsed = time.process_time() - started
            best = elapsed if best is None else min(best, elapsed)
        results[name] = round(len(data) / best)
        print(f"{name:48s} {results[name]:>8,} items/s")

    timed("matcher (daachorse, match_text)", matcher.match_text, texts)
    try:
        import daachorse
    except ImportError:
        daachorse = None
    if daachorse:
        charwise = daachorse.CharwiseDoubleArrayAhoCorasick(words)
        timed("daachorse charwise str find_overlapping", charwise.find_overlapping, texts)
        bytewise = daachorse.DoubleArrayAhoCorasick([w.encode() for w in words])
        timed("daachorse bytes find_overlapping", bytewise.find_overlapping, encoded)
    try:
        import ahocorasick
    except ImportError:
        ahocorasick = None
    if ahocorasick:
        automaton = ahocorasick.Automaton(ahocorasick.STORE_INTS)
        for wid, word in enumerate(words):
            automaton.add_word(word.encode().decode("latin-1"), wid)
        automaton.make_automaton()
        latin = [data.decode("latin-1") for data in encoded]
        timed("pyahocorasick iter over UTF-8 bytes", lambda d: list(automaton.iter(d)), latin)
    try:
        import ahocorasick_rs
    except ImportError:
        ahocorasick_rs = None
    if ahocorasick_rs:
        ac = ahocorasick_rs.AhoCorasick(words)
        timed("ahocorasick_rs str overlapping", lambda d: ac.find_matches_as_indexes(d, overlapping=True), texts)
        dfa = ahocorasick_rs.AhoCorasick(words, implementation=ahocorasick_rs.Implementation.DFA)
        timed("ahocorasick_rs str DFA overlapping", lambda d: dfa.find_matches_as_indexes(d, overlapping=True), texts)
        bac = ahocorasick_rs.BytesAhoCorasick([w.encode() for w in words])
        timed("ahocorasick_rs bytes overlapping", lambda d: bac.find_matches_as_indexes(d, overlapping=True), encoded)
    try:
        import hyperscan
    except ImportError:
        hyperscan = None
    if hyperscan:
        database = hyperscan.Database()
        database.compile(expressions=[w.encode() for w in words], ids=list(range(len(words))), elements=len(words),
                         flags=hyperscan.HS_FLAG_SINGLEMATCH, literal=True)

        def distinct(data):
            found = set()
            add = found.add
            database.scan(data, match_event_handler=lambda i, start, end, flags, context: add(i))
            return found

        timed("hyperscan, one callback per distinct word", distinct, encoded)
    print(json.dumps(results, ensure_ascii=False))


if __name__ == "__main__":
    main()
