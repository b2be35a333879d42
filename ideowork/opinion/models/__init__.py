from .events import Event
from .handling import DeadlinePolicy, Handling, HandlingStep
from .items import Item, ItemMatch
from .patrol import Patrol
from .schemes import Scheme
from .sources import Source

__all__ = ["Source", "Item", "ItemMatch", "Scheme", "Event", "Handling", "HandlingStep", "DeadlinePolicy", "Patrol"]
