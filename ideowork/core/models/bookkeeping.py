"""Bookkeeping fields: who made a record and when, when it last changed, who acted on it, in one
definition each.

Abstract mixins, each reproducing one definition that several areas' models share field for field
(a different label or ``on_delete`` is a different definition: such a model keeps its own field).
A model lists them before ``models.Model``::

    class Drill(RecordedBy, models.Model):
        ...

Who made a record is never a reverse relation of the user (``related_name="+"``): a person's records
are found from the record's side.
"""

from django.conf import settings
from django.db import models

__all__ = ["person_field", "CreatedAt", "CreatedBy", "RecordedBy", "EnteredBy", "UpdatedAt", "EditedBy"]


def person_field(verbose_name: str) -> models.ForeignKey:
    """A person a record names for something they did or are to do (签发人, 确认人, 指定办理人 …): empty until
    there is one, and emptied (the record kept) when the account is deleted; no reverse relation."""
    return models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=verbose_name, null=True, blank=True,
                             on_delete=models.SET_NULL, related_name="+")


class CreatedAt(models.Model):
    created_at = models.DateTimeField("创建时间", auto_now_add=True)

    class Meta:
        abstract = True


class CreatedBy(CreatedAt):
    """Made by a person in the system (创建人); the record outlives the account (set to null)."""

    created_by = person_field("创建人")

    class Meta:
        abstract = True


class RecordedBy(models.Model):
    """Registered (登记) by a person who stays answerable for it: the account cannot be deleted while the
    record exists."""

    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name="登记人", on_delete=models.PROTECT,
                                   related_name="+")
    created_at = models.DateTimeField("登记时间", auto_now_add=True)

    class Meta:
        abstract = True


class EnteredBy(models.Model):
    """Entered (录入) by a person, or by an import with nobody behind it (null)."""

    created_by = person_field("录入人")
    created_at = models.DateTimeField("录入时间", auto_now_add=True)

    class Meta:
        abstract = True


class UpdatedAt(models.Model):
    updated_at = models.DateTimeField("更新时间", auto_now=True)

    class Meta:
        abstract = True


class EditedBy(models.Model):
    """Settings a manager edits in place: who changed them last (修改人) and when."""

    updated_by = person_field("修改人")
    updated_at = models.DateTimeField("修改时间", auto_now=True)

    class Meta:
        abstract = True
