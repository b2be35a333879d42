"""Outlets for the register's tests, made through the services."""

from datetime import timedelta

from django.utils import timezone

from ideowork.outlets.actions.outlets import do_create_outlet
from ideowork.outlets.choices import OutletKind, UpdateFrequency


def days_ago(n: int):
    return timezone.localdate() - timedelta(days=n)


def board(org, *, last=30, name="机关宣传栏", **extra):
    """The city office's quarterly board, responsible the office's section chief."""
    return do_create_outlet(org.staff, org_unit=org.city, name=name, kind=OutletKind.BOARD,
                            responsible=org.section_chief, frequency_days=UpdateFrequency.QUARTERLY,
                            account="机关一楼大厅", last_updated_on=days_ago(last) if last is not None else None,
                            **extra)


def wechat(org, *, last=1, **extra):
    return do_create_outlet(org.staff, org_unit=org.city, name="市委编办微信公众号", kind=OutletKind.WECHAT,
                            responsible=org.staff, frequency_days=UpdateFrequency.WEEKLY, account="sjgbz",
                            last_updated_on=days_ago(last), **extra)
