"""What the risks area's browser tests share: filling in a risk (the register's form and a campaign
return's), and posting a form (the one helper every area's browser tests use)."""

from tests.conftest import submit

__all__ = ["fill_risk", "submit"]


def fill_risk(page, title, *, area="reform", likelihood=4, impact=4, measures="逐一谈心谈话，讲清政策。", **more):
    """Type a risk into the form on the page; ``more`` are further fields by id (owner, deadline …)."""
    page.fill("#id_title", title)
    page.select_option("#id_area", area)
    page.select_option("#id_likelihood", str(likelihood))
    page.select_option("#id_impact", str(impact))
    page.fill("#id_measures", measures)
    for name, value in more.items():
        field = page.locator(f"#id_{name}")
        if field.evaluate("e => e.tagName") == "SELECT":
            field.select_option(str(value))
        else:
            field.fill(str(value))
