"""Materials, topics and courses: browsing and studying, the files themselves, and what admins manage."""

from .browse import *  # noqa: F401,F403
from .files import *  # noqa: F401,F403
from .manage import *  # noqa: F401,F403
