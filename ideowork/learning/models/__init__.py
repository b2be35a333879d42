from .questions import *  # noqa: F401,F403
from .points import *  # noqa: F401,F403
from .groups import *  # noqa: F401,F403
from .reflections import *  # noqa: F401,F403
from .materials import *  # noqa: F401,F403
from .exams import *  # noqa: F401,F403
from .quizzes import *  # noqa: F401,F403
from .youth import *  # noqa: F401,F403
