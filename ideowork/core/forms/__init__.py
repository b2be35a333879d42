"""Forms of the ``core`` pages. They parse and validate input; services in ``actions`` write."""
