"""The capabilities this area defines (see ideowork/core/capabilities.py)."""

from ideowork.core.capabilities import register_capability
from ideowork.core.choices import Role

# Who runs the publicity outlets: the outlet register, the proofreading rules, briefings, press work.
register_capability("outlets.publish", "管理宣传阵地（阵地台账、校对规则、信息报送、新闻发布）",
                    roles={Role.HEAD, Role.DEPUTY, Role.SECTION_CHIEF, Role.STAFF})
