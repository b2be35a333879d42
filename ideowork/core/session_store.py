"""The session store (``SESSION_ENGINE``): Django's database sessions, with a sign-in writing its
session once.

Django's ``login()`` cycles the session key, and the database store does that by writing the new,
still empty session at once; the response then writes it again with the signed-in person in it.
That was a write transaction of its own in every sign-in (on SQLite, one more turn at the one write
lock for 1,000 examinees signing in within a minute; docs/performance.md). Here the new key is
chosen (unused, as Django checks) and the session is created once, with its data, when the response
saves it. The old session is still deleted at once, as Django does (by one statement: Django's store
reads the row before deleting it).

Every request reads its session: by one plain statement, as Django's store asks it (the key, not yet
expired), without building an ORM query each time (that cost more than the statement; exam morning's
answer saves are about fifty requests per examinee).
"""

from django.contrib.sessions.backends.base import CreateError
from django.contrib.sessions.backends.db import SessionStore as DatabaseStore
from django.db import connections, router
from django.utils import timezone

__all__ = ["SessionStore"]


class SessionStore(DatabaseStore):
    _unwritten = False  # a key chosen by ``cycle_key`` whose session is not in the database yet

    def load(self):
        connection = connections[router.db_for_read(self.model)]
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT session_data FROM {self.model._meta.db_table} "
                           "WHERE session_key = %s AND expire_date > %s",
                           [self.session_key, connection.ops.adapt_datetimefield_value(timezone.now())])
            row = cursor.fetchone()
        if row is None:
            self._session_key = None
            return {}
        return self.decode(row[0])

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
