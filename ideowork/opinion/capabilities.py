"""The capabilities this area defines (see ideowork/core/capabilities.py)."""

from ideowork.core.capabilities import register_capability
from ideowork.core.choices import Role

# Who runs the monitoring: sources, schemes, the item queues and the daily patrol.
register_capability("opinion.monitor", "舆情监测（信息来源、监测方案、每日巡查）",
                    roles={Role.HEAD, Role.DEPUTY, Role.SECTION_CHIEF, Role.STAFF})
# Who judges and handles events (研判、处置、回应、销号).
register_capability("opinion.handle", "舆情研判与处置", roles={Role.HEAD, Role.DEPUTY, Role.SECTION_CHIEF, Role.STAFF})
# For upstream collectors on the HTTP API alone: no person gains it.
register_capability("opinion.ingest", "通过接口推送舆情信息", roles=())
