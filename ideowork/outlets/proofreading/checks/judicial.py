"""Party and working formulas of the courts and procuratorates, and the party organ of a hospital, judged when the
text is about one of them.

A people's court or procuratorate has a 党组, not a 党委 (its 机关党委 aside): "院党委副书记" in a court's
report is a slip, while "院党委" of a hospital or a college is right, so the text must name a court or a
procuratorate and no other kind of 院. Their work formula is "为大局服务、为人民司法" (the courts, since 2008) —
"为大局服务、为人民服务" in such a text has a member replaced. A public hospital has a 党委 (under the party
committee of its health authority, which has the 党组): "院党组书记" in a text about a hospital, and about no court,
procuratorate or academy, is a slip.
Sources: 《中国共产党党组工作条例》（2019年）; 最高人民法院、最高人民检察院工作报告（2019—2024年）;
中共中央办公厅《关于加强公立医院党的建设工作的意见》（2018年6月：公立医院实行党委领导下的院长负责制）.
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


_HOSPITAL = re.compile("医院|卫生院|妇幼保健院|中医院")
# A 院 that does have a 党组: courts and procuratorates, academies, the State Council.
_GROUP_INSTITUTES = re.compile("法院|检察院|科学院|社科院|工程院|研究院|设计院|国务院|党校")
_HOSPITAL_PARTY_GROUP = re.compile("(?<![法察学究计务])院党组(?!织)")


def check_judicial(text, context):
    if "院" not in text:
        return
    if "党组" in text and _HOSPITAL.search(text) and not _GROUP_INSTITUTES.search(text):
        for match in _HOSPITAL_PARTY_GROUP.finditer(text):
            yield finding(text, match.start() + 1, match.end(), rule="formulation.organ.hospital_party",
                          category="formulation", severity="warning", suggestion="党委",
                          message="公立医院设党委（实行党委领导下的院长负责制），不设党组，应为“院党委”，请核实。")
    if not _JUDICIAL.search(text) or _OTHER_INSTITUTES.search(text):
        return
    for match in _COURT_PARTY_COMMITTEE.finditer(text):
        yield finding(text, match.start(), match.end(), rule="formulation.organ.court_party", category="formulation",
                      severity="warning", suggestion="院党组",
                      message="人民法院、人民检察院设党组，不设党委（机关党委除外），应为“院党组”，请核实。")
    for match in _SERVE_PEOPLE.finditer(text):
        yield finding(text, *match.span(1), rule="formulation.judicial.serve", category="formulation",
                      severity="warning", suggestion="司法",
                      message="司法机关的表述是“为大局服务、为人民司法”，请核实。")
