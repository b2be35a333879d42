"""The risks version: every change to what the risk card shows (a risk, a campaign, a return, an
early sign from below, the organ's matrix) raises the ``risks`` version of the record's organ in the
same transaction, so the card's cached figures (``panels.py``) are never read after it."""

from django.db.models.signals import post_delete, post_save

from ideowork.core.versions import bump_versions

from .models import CampaignReturn, Risk, RiskMatrix, ScreeningCampaign, UpwardReport

__all__ = ["RISKS_TOPIC", "connect_version_signals"]

RISKS_TOPIC = "risks"
_CARD_MODELS = (Risk, ScreeningCampaign, CampaignReturn, UpwardReport, RiskMatrix)


def _bump(sender, instance, raw=False, **kwargs) -> None:
    if raw:
        return
    unit = instance.org_unit
    bump_versions(RISKS_TOPIC, [unit.organ_id or unit.pk])


def connect_version_signals() -> None:
    for model in _CARD_MODELS:
        post_save.connect(_bump, sender=model, dispatch_uid=f"risks.version.save.{model.__name__}")
        post_delete.connect(_bump, sender=model, dispatch_uid=f"risks.version.delete.{model.__name__}")
