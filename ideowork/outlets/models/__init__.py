from .briefings import *  # noqa: F401,F403
from .briefings import __all__ as _briefings
from .content import ContentItem, ContentVersion, FindingWaiver, version_digest
from .news import *  # noqa: F401,F403
from .news import __all__ as _news
from .outlets import Outlet, OutletInspection
from .proofreading import ProofRule
from .publicity import *  # noqa: F401,F403
from .publicity import __all__ as _publicity

__all__ = ["ContentItem", "ContentVersion", "FindingWaiver", "version_digest", "Outlet", "OutletInspection",
           "ProofRule", *_briefings, *_news, *_publicity]
