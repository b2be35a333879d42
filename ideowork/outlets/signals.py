"""Signal receivers of the outlets area."""
