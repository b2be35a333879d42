"""The well-formedness checks every proofreader held-out set runs on itself (its ``test_*`` module
calls them with its own ``measure`` module and its minimums)."""

__all__ = ["read", "check_every_category_is_planted", "check_a_broken_anchor_is_caught"]


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
