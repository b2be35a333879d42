"""Every write in ``core`` goes through a ``do_*`` service here.

A service checks the actor's permission, changes data inside ``transaction.atomic()`` and writes
the audit event; it raises ``ValidationError`` with a Chinese message when the change is refused.
"""
