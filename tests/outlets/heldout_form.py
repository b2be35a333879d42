"""The well-formedness checks every proofreader held-out set runs on itself (its ``test_*`` module
calls them with its own ``measure`` module and its minimums)."""

from datetime import date

__all__ = ["read", "check_every_category_is_planted", "check_a_broken_anchor_is_caught", "check_clean_texts",
           "check_sources", "check_nothing_is_shared", "check_gold_dates", "check_figures", "check_well_formed"]


def read(path):
    return path.read_text(encoding="utf-8")


def check_every_category_is_planted(heldout, min_errors: int, min_per_category: int) -> None:
    errors = [e for path in heldout.planted_files() for e in heldout.planted_errors(path)]
    assert len(errors) >= min_errors
    for category in heldout.CATEGORIES:
        assert sum(1 for e in errors if e.category == category) >= min_per_category, category


def check_a_broken_anchor_is_caught(heldout, tmp_path) -> None:
    """The well-formedness checks can fail: an anchor written twice in its text is refused."""
    source = heldout.planted_files()[0]
    text = read(source)
    anchor = heldout.gold(source)["errors"][0]["anchor"]
    broken = tmp_path / source.name
    broken.write_text(text + anchor, encoding="utf-8")
    broken.with_suffix(".json").write_text(source.with_suffix(".json").read_text(encoding="utf-8"), encoding="utf-8")
    try:
        heldout.planted_errors(broken)
    except ValueError as error:
        assert "occurs 2 times" in str(error)
    else:
        raise AssertionError("an anchor occurring twice was accepted")


def check_clean_texts(heldout, min_texts: int, min_chars: int, max_chars: int) -> None:
    """Enough clean real texts, each of a real length."""
    clean = heldout.clean_files()
    assert len(clean) >= min_texts
    for path in clean:
        assert min_chars <= len(read(path)) <= max_chars, path.name


def check_sources(heldout, earliest: date = date(2018, 1, 1)) -> None:
    """Every text is listed in SOURCES.tsv with an address, a publisher, a kind and a valid date."""
    listed = heldout.sources()
    files = {f"clean/{p.name}" for p in heldout.clean_files()} | {f"planted/{p.name}" for p in heldout.planted_files()}
    assert set(listed) == files
    for name, row in listed.items():
        assert row["url"].startswith(("http://", "https://")), name
        assert row["publisher"] and row["kind"], name
        assert earliest <= date.fromisoformat(row["date"]) <= date(2026, 12, 31), name


def check_nothing_is_shared(heldout, others, repository_files) -> None:
    """No text or page of the set is in another set or among the repository's test files; no page twice."""
    mine = {read(p) for p in heldout.clean_files() + heldout.planted_files()}
    theirs = {read(p) for p in repository_files}
    for other in others:
        theirs |= {read(p) for p in other.clean_files() + other.planted_files()}
    assert not mine & theirs
    addresses = {r["url"] for r in heldout.sources().values()}
    for other in others:
        assert not addresses & {r["url"] for r in other.sources().values()}, other.HERE.name
    assert len(addresses) == len(heldout.sources())


def check_gold_dates(heldout) -> None:
    """Every planted text is listed with the date its gold gives (the date the checker is called with)."""
    listed = heldout.sources()
    for path in heldout.planted_files():
        assert heldout.gold(path)["date"] == listed[f"planted/{path.name}"]["date"], path.name


def check_figures(figures, recall: float, precision: float, max_clean_findings: int) -> None:
    """The ratchet of a set worked against: recall and precision on its planted texts and findings on its clean
    texts no worse than recorded (the false alarms are shown when they are)."""
    results, summary = figures
    assert summary["recall"] >= recall, summary["by_category"]
    alarms = [(r.name, a) for r in results if r.kind == "planted" for a in r.false_alarms]
    assert summary["precision"] >= precision, alarms
    clean = [(r.name, a) for r in results if r.kind == "clean" for a in r.false_alarms]
    assert summary["clean_findings"] <= max_clean_findings, clean


def check_well_formed(heldout, tmp_path, *, others, repository_files, clean_texts: int, clean_chars: tuple[int, int],
                      planted_texts: int, chars_per_error: int, errors: int, per_category: int,
                      earliest: date = date(2018, 1, 1)) -> None:
    """Every form check of a held-out set: texts, sources, nothing shared, gold, categories, dates, anchors."""
    from tests.outlets.test_proofread_corpus import check_planted_gold  # the development corpus's own check

    check_clean_texts(heldout, clean_texts, *clean_chars)
    check_sources(heldout, earliest)
    check_nothing_is_shared(heldout, others, repository_files)
    check_planted_gold(heldout, planted_texts, chars_per_error, notes_required=True)
    check_every_category_is_planted(heldout, errors, per_category)
    check_gold_dates(heldout)
    check_a_broken_anchor_is_caught(heldout, tmp_path)
