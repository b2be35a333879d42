"""Test settings: the project's, plus the test-only reviewable app that core's workflow tests use."""

from ideowork.settings import *  # noqa: F401,F403
from ideowork.settings import INSTALLED_APPS

INSTALLED_APPS = [*INSTALLED_APPS, "tests.reviewapp"]
