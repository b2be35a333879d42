from .events import Event
from .items import Item, ItemMatch
from .lexicon import WordLists
from .schemes import Scheme
from .sources import Source
from .warnings import Delivery, Warning, WarningItem, WarningRecipient, WarningRule, WarningSettings

__all__ = ["Source", "Item", "ItemMatch", "Scheme", "Event", "WordLists", "WarningRule", "WarningRecipient", "WarningSettings",
           "Warning", "WarningItem", "Delivery"]
