import pytest

from .event_builders import forget_worker_caches


@pytest.fixture(autouse=True)
def _fresh_worker_caches():
    """Each test starts with no compiled matcher, event index or word-list lexicon: a rolled-back test
    leaves the data versions at 0, so the next test's first revision could equal the one a previous
    test's cache was built at, and a unit id reused by the next test could meet it."""
    forget_worker_caches()
    yield
    forget_worker_caches()
