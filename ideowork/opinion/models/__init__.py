from .briefings import Briefing
from .events import Event
from .items import Item, ItemMatch
from .schemes import Scheme
from .sources import Source

__all__ = ["Source", "Item", "ItemMatch", "Scheme", "Event", "Briefing"]
