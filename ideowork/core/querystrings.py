"""A list page's query string without some of its parameters (the page number, a filter a link sets)."""

__all__ = ["query_without"]


def query_without(params, *names) -> str:
    """``params`` (a ``QueryDict``, left unchanged) encoded without ``names``."""
    params = params.copy()
    for name in names:
        params.pop(name, None)
    return params.urlencode()
