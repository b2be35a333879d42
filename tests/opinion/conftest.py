import pytest


@pytest.fixture(autouse=True)
def _fresh_matcher():
    """Each test starts with no compiled matcher: a rolled-back test leaves the scheme versions at 0,
    so the next test's first revision could equal the one a previous test's matcher was built at."""
    from ideowork.opinion.actions import matching

    matching._current = None
    yield
    matching._current = None


@pytest.fixture(autouse=True)
def _fresh_event_indexes_and_lexicons():
    """Likewise each worker's event indexes and word-list lexicons: a rolled-back test leaves their
    versions at 0, so a unit id reused by the next test could meet a cache built for the last one."""
    from ideowork.opinion.actions import events, lexicon

    events._indexes.clear()
    lexicon._built.clear()
    lexicon._built_at = None
    yield
    events._indexes.clear()
    lexicon._built.clear()
    lexicon._built_at = None
