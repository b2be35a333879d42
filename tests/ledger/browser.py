"""What the browser tests of the ledger and the areas recording into it share."""

__all__ = ["fill_form"]


def fill_form(page, **values) -> None:
    """Fill a Django form's fields by name (``#id_<name>``), in the order given: a select takes the
    option's value, any other field the text."""
    for name, value in values.items():
        field = page.locator(f"#id_{name}")
        if field.evaluate("element => element.tagName") == "SELECT":
            field.select_option(str(value))
        else:
            field.fill(str(value))
