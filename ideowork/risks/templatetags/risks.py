from django import template

register = template.Library()


@register.filter
def risk_overdue(risk, today) -> bool:
    return risk.is_overdue(today)
