"""The session store (``SESSION_ENGINE``): Django's database sessions, with a sign-in writing its
session once.

Django's ``login()`` cycles the session key, and the database store does that by writing the new,
still empty session at once; the response then writes it again with the signed-in person in it.
That was a write transaction of its own in every sign-in (on SQLite, one more turn at the one write
lock for 1,000 examinees signing in within a minute; docs/performance.md). Here the new key is
chosen (unused, as Django checks) and the session is created once, with its data, when the response
saves it. The old session is still deleted at once, as Django does (by one statement: Django's store
reads the row before deleting it).
"""

from django.contrib.sessions.backends.base import CreateError
from django.contrib.sessions.backends.db import SessionStore as DatabaseStore

__all__ = ["SessionStore"]


class SessionStore(DatabaseStore):
    _unwritten = False  # a key chosen by ``cycle_key`` whose session is not in the database yet

    def cycle_key(self):
        data = self._session
        old_key = self.session_key
        self._session_key = self._get_new_session_key()
        self._session_cache = data
        self._unwritten = True
        self.modified = True
        if old_key:  # one DELETE (Django's store reads the row first)
            self.model.objects.filter(session_key=old_key).delete()

    def save(self, must_create=False):
        if not self._unwritten:
            return super().save(must_create=must_create)
        self._unwritten = False
        try:
            super().save(must_create=True)
        except CreateError:  # another request took the key meanwhile: create under a fresh one
            self._session_key = None
            super().save()
