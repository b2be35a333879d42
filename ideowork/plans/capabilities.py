"""The capabilities this area defines (see ideowork/core/capabilities.py)."""

from ideowork.core.capabilities import register_capability
from ideowork.core.choices import Role

# Who may import plans, edit targets and assign the responsibility list.
register_capability("plans.edit", "导入工作要点、编辑指标和分解责任",
                    roles={Role.HEAD, Role.DEPUTY, Role.STAFF})
