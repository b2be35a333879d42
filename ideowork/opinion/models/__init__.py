from .events import Event
from .items import Item, ItemMatch
from .schemes import Scheme
from .sources import Source
from .warnings import Delivery, Warning, WarningItem, WarningRecipient, WarningRule, WarningSettings

__all__ = ["Source", "Item", "ItemMatch", "Scheme", "Event", "WarningRule", "WarningRecipient", "WarningSettings",
           "Warning", "WarningItem", "Delivery"]
