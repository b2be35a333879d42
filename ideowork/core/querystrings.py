"""Reading a request's parameters: a list page's query string without some of them (the page number, a
filter a link sets), and a parameter that should be a record's id."""

__all__ = ["query_without", "int_or_none"]


def int_or_none(value) -> int | None:
    """``value`` as an int, or None when it is missing or not a number (a hand-edited form or URL)."""
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def query_without(params, *names) -> str:
    """``params`` (a ``QueryDict``, left unchanged) encoded without ``names``."""
    params = params.copy()
    for name in names:
        params.pop(name, None)
    return params.urlencode()
