from django import template

register = template.Library()


@register.filter
def risk_overdue(record, today) -> bool:
    """Whether a risk (or a follow-up task) is past its deadline and not done on ``today``."""
    return record.is_overdue(today)
