import pytest

from .factories import PASSWORD, build_org


@pytest.fixture(autouse=True)
def _huey_immediate():
    """Tasks run inline in tests; the real consumer runs them in `make run` and production."""
    from huey.contrib.djhuey import HUEY

    HUEY.immediate = True
    yield
    HUEY.immediate = False


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def org(db):
    return build_org()


@pytest.fixture
def login(client):
    """``login(user)`` signs a user in on the test client and returns the client."""

    def _login(user):
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
        return client

    return _login


@pytest.fixture
def password():
    return PASSWORD
