"""What the risks area's browser tests share: filling in a risk (the register's form and a campaign
return's), and posting a form (the one helper every area's browser tests use)."""

from tests.conftest import submit
from tests.ledger.browser import fill_form

__all__ = ["fill_risk", "submit"]


def fill_risk(page, title, *, area="reform", likelihood=4, impact=4, measures="逐一谈心谈话，讲清政策。", **more):
    """Type a risk into the form on the page; ``more`` are further fields by id (owner, deadline …)."""
    fill_form(page, title=title, area=area, likelihood=likelihood, impact=impact, measures=measures, **more)
