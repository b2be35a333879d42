"""The capabilities this area defines (see ideowork/core/capabilities.py)."""

from ideowork.core.capabilities import register_capability
from ideowork.core.choices import Role

# Who may record activities and evidence in the ledger.
register_capability("ledger.record", "登记台账活动和佐证材料",
                    roles={Role.HEAD, Role.DEPUTY, Role.SECTION_CHIEF, Role.STAFF, Role.SUPERVISOR})
