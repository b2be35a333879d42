"""The opinion tests' sources, items, schemes and collector records.

Straight to the tables, where the service is another part's: ``make_source(unit)``,
``make_item(source, title, text)``, ``make_scheme(unit)`` (its version raised, as the scheme service
would). Through the service, as a manager registers one: ``register_source(org)``. And ``record(n)``:
the n-th record as a collector sends it."""

from datetime import datetime

from django.db import transaction
from django.utils import timezone

from ideowork.core.versions import bump_versions
from ideowork.opinion.actions.matching import SCHEMES_TOPIC
from ideowork.opinion.actions.sources import do_create_source
from ideowork.opinion.choices import SourceKind, SourceLevel
from ideowork.opinion.intake.records import content_key, url_key
from ideowork.opinion.models import Item, Scheme, Source

__all__ = ["make_source", "make_item", "make_scheme", "register_source", "record"]


def make_source(unit, name: str = "", *, level: str = SourceLevel.CITY, kind: str = SourceKind.MANUAL) -> Source:
    return Source.objects.create(org_unit=unit, name=name or f"{unit.name}信息来源", kind=kind, level=level)


def make_item(source: Source, title: str, text: str = "", *, arrived_at: datetime | None = None,
              outlet_name: str = "", url: str = "") -> Item:
    return Item.objects.create(source=source, org_unit=source.org_unit, title=title, text=text,
                               content_key=content_key(title, text), outlet_name=outlet_name, url=url,
                               url_key=url_key(url), arrived_at=arrived_at or timezone.now())


def make_scheme(unit, name="城市管理", expression="城管|违建") -> Scheme:
    with transaction.atomic():
        scheme = Scheme.objects.create(org_unit=unit, name=name, expression=expression)
        bump_versions(SCHEMES_TOPIC, [unit.organ_id])
    return scheme


def register_source(org, user=None, unit=None, name="本地新闻网", kind="import", level="city", **kwargs) -> Source:
    """A source registered by the city's staff (or ``user``) through ``do_create_source``."""
    return do_create_source(user or org.staff, org_unit=unit or org.city, name=name, kind=kind, level=level, **kwargs)


def record(n, **extra) -> dict:
    return {"title": f"市区第{n}条道路完成改造", "text": f"第{n}段路面已恢复通行，市民出行更加便利。",
            "url": f"https://news.example.cn/local/{n}.html", "published": "2026-12-01 08:30", **extra}
