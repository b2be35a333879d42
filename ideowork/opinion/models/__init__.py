from .briefings import Briefing
from .events import Event
from .handling import DeadlinePolicy, Handling, HandlingStep
from .items import Item, ItemMatch
from .lexicon import WordLists
from .patrol import Patrol
from .schemes import Scheme
from .sources import Source
from .warnings import Delivery, Warning, WarningItem, WarningRecipient, WarningRule, WarningSettings

__all__ = ["Source", "Item", "ItemMatch", "Scheme", "Event", "WordLists", "WarningRule", "WarningRecipient",
           "WarningSettings", "Warning", "WarningItem", "Delivery", "Handling", "HandlingStep", "DeadlinePolicy",
           "Patrol", "Briefing"]
