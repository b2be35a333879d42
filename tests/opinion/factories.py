"""Sources and items for the opinion tests, written straight to the database (the intake service is
another part's): ``make_source(unit)``, ``make_item(source, title, text)``."""

from datetime import datetime

from django.utils import timezone

from ideowork.opinion.choices import SourceKind, SourceLevel
from ideowork.opinion.intake.records import content_key, url_key
from ideowork.opinion.models import Item, Source


def make_source(unit, name: str = "", *, level: str = SourceLevel.CITY, kind: str = SourceKind.MANUAL) -> Source:
    return Source.objects.create(org_unit=unit, name=name or f"{unit.name}信息来源", kind=kind, level=level)


def make_item(source: Source, title: str, text: str = "", *, arrived_at: datetime | None = None,
              outlet_name: str = "", url: str = "") -> Item:
    return Item.objects.create(source=source, org_unit=source.org_unit, title=title, text=text,
                               content_key=content_key(title, text), outlet_name=outlet_name, url=url,
                               url_key=url_key(url), arrived_at=arrived_at or timezone.now())
