"""Fetching opinion's records authorised in one step (see ``core/access.py``): 404 when a record is
not visible, a Chinese 403 when it is visible but the action is not allowed."""

from ideowork.core.access import accessor

from .models import Scheme

__all__ = ["access_scheme"]

# Monitoring schemes: a unit sees its subtree's; the holders of opinion.monitor there change them.
access_scheme = accessor(Scheme, "org_unit", "created_by", message="您无权修改该监测方案。")
