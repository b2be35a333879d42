"""The capabilities this area defines (see ideowork/core/capabilities.py)."""

from ideowork.core.capabilities import register_capability
from ideowork.core.choices import Role

# Who runs the learning platform: study sessions, materials, the question bank, exams, points rules.
register_capability("learning.manage", "管理理论学习（学习安排、资料、题库、考试、积分规则）",
                    roles={Role.HEAD, Role.DEPUTY, Role.SECTION_CHIEF, Role.STAFF})
