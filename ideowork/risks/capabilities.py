"""The capabilities this area defines (see ideowork/core/capabilities.py)."""

from ideowork.core.capabilities import register_capability
from ideowork.core.choices import Role

# Who screens risks, keeps the register, records rectification and asks for close-out.
register_capability("risks.manage", "风险隐患排查与处置", roles={Role.HEAD, Role.DEPUTY, Role.SECTION_CHIEF, Role.STAFF})
# Approving close-out and accepting a risk are the leaders' (the "decide" action of RiskQuerySet).
