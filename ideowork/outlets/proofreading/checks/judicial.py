"""Party and working formulas of the courts and procuratorates, judged when the text is about one of them.

A people's court or procuratorate has a 党组, not a 党委 (its 机关党委 aside): "院党委副书记" in a court's
report is a slip, while "院党委" of a hospital or a college is right, so the text must name a court or a
procuratorate and no other kind of 院. Their work formula is "为大局服务、为人民司法" (the courts, since 2008) —
"为大局服务、为人民服务" in such a text has a member replaced.
Sources: 《中国共产党党组工作条例》（2019年）; 最高人民法院、最高人民检察院工作报告（2019—2024年）.
"""

from __future__ import annotations

import re

from .base import finding

__all__ = ["check_judicial"]

_JUDICIAL = re.compile("人民法院|中级法院|法院|检察院|检察机关|审判机关")
_OTHER_INSTITUTES = re.compile("医院|学院|研究院|科学院|设计院|疗养院|卫生院|书院|剧院|影院|福利院|敬老院|养老院|"
                               "科研院|规划院|勘察院|工程院|社科院|党校")
_COURT_PARTY_COMMITTEE = re.compile("(?<![机关医学究科计养生书剧影利老研划察程])院党委(?!员)")
_SERVE_PEOPLE = re.compile("为大局服务[、，,]为人民(服务)")


def check_judicial(text, context):
    if "院" not in text or not _JUDICIAL.search(text) or _OTHER_INSTITUTES.search(text):
        return
    for match in _COURT_PARTY_COMMITTEE.finditer(text):
        yield finding(text, match.start(), match.end(), rule="formulation.organ.court_party", category="formulation",
                      severity="warning", suggestion="院党组",
                      message="人民法院、人民检察院设党组，不设党委（机关党委除外），应为“院党组”，请核实。")
    for match in _SERVE_PEOPLE.finditer(text):
        yield finding(text, *match.span(1), rule="formulation.judicial.serve", category="formulation",
                      severity="warning", suggestion="司法",
                      message="司法机关的表述是“为大局服务、为人民司法”，请核实。")
