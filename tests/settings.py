"""Test settings: the project's, plus the test-only reviewable app that core's workflow tests use."""

from ideowork.settings import *  # noqa: F401,F403
from ideowork.settings import INSTALLED_APPS

INSTALLED_APPS = [*INSTALLED_APPS, "tests.reviewapp"]

# Parallel workers (pytest-xdist) share one Redis server: each worker gets its own database on it,
# so that one worker emptying its cache before a test never empties another's in mid-test.
import os  # noqa: E402
import re  # noqa: E402
from urllib.parse import urlsplit, urlunsplit  # noqa: E402

from ideowork.settings import CACHES  # noqa: E402

_worker = re.fullmatch(r"gw(\d+)", os.environ.get("PYTEST_XDIST_WORKER", ""))
if _worker and CACHES["default"]["BACKEND"].endswith("RedisCache"):
    _url = urlsplit(CACHES["default"]["LOCATION"])._replace(path=f"/{8 + int(_worker.group(1)) % 8}")
    CACHES = {"default": {**CACHES["default"], "LOCATION": urlunsplit(_url)}}
