import pytest


@pytest.fixture(autouse=True)
def _fresh_matcher():
    """Each test starts with no compiled matcher: a rolled-back test leaves the scheme versions at 0,
    so the next test's first revision could equal the one a previous test's matcher was built at."""
    from ideowork.opinion.actions import matching

    matching._current = None
    yield
    matching._current = None
