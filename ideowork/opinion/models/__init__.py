from .events import Event
from .items import Item, ItemMatch
from .lexicon import WordLists
from .schemes import Scheme
from .sources import Source

__all__ = ["Source", "Item", "ItemMatch", "Scheme", "Event", "WordLists"]
