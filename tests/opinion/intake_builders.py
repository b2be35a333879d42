"""Shared builders of the intake tests: a unit's sources and schemes, and records as a collector sends them."""

from django.db import transaction

from ideowork.core.versions import bump_versions
from ideowork.opinion.actions.matching import SCHEMES_TOPIC
from ideowork.opinion.actions.sources import do_create_source
from ideowork.opinion.models import Scheme


def make_source(org, user=None, unit=None, name="本地新闻网", kind="import", level="city", **kwargs):
    return do_create_source(user or org.staff, org_unit=unit or org.city, name=name, kind=kind, level=level, **kwargs)


def make_scheme(unit, name="城市管理", expression="城管|违建"):
    """A scheme written straight to the table (the scheme pages are a colleague's), its version raised."""
    with transaction.atomic():
        scheme = Scheme.objects.create(org_unit=unit, name=name, expression=expression)
        bump_versions(SCHEMES_TOPIC, [unit.organ_id])
    return scheme


def record(n, **extra):
    return {"title": f"市区第{n}条道路完成改造", "text": f"第{n}段路面已恢复通行，市民出行更加便利。",
            "url": f"https://news.example.cn/local/{n}.html", "published": "2026-12-01 08:30", **extra}
