"""Study groups and sessions: lists, the session page, the room screen with its QR code, signing in."""

from .attendance import *  # noqa: F401,F403
from .files import *  # noqa: F401,F403
from .groups import *  # noqa: F401,F403
from .pages import *  # noqa: F401,F403
