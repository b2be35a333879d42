"""The capabilities this area defines (see ideowork/core/capabilities.py)."""

from ideowork.core.capabilities import register_capability
from ideowork.core.choices import Role

# Who may import plans, edit targets and assign the responsibility list.
register_capability("plans.edit", "导入工作要点、编辑指标和分解责任",
                    roles={Role.HEAD, Role.DEPUTY, Role.STAFF})

# Held by no role: an API client (core/api) the 系统管理员 gives it to reads its unit's plans.
register_capability("plans.read", "通过接口读取本单位可见的工作要点", roles=())
