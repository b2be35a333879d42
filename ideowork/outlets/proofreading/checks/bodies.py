"""A body or its meeting named with another body's word:

- the standing committee of a CPPCC or of a people's congress holds a 常务委员会会议 (常委会会议), the people's
  government a 常务会议 ("县政协十一届十九次常务会议" is a slip; the government's "常委会" is reported by the word
  rules of ``data/organs.tsv``);
- the people's government's own meeting is its 常务会议, not a 常委会议 ("区政府第33次常委会议");
- the office of a city's people's government is its 办公室; only the four municipalities directly under the
  central government (and the provinces) have an 办公厅 — judged only in a text that names none of them.

Sources: 《中华人民共和国地方各级人民代表大会和地方各级人民政府组织法》（2022年修正）；《政协全国委员会常务委员会
工作规则》；中国政府网“地方政府”（直辖市人民政府设办公厅，设区的市、县级市人民政府设办公室）。
"""

from __future__ import annotations

import re

from .base import finding

__all__ = ["check_bodies"]

_STANDING_BODY_MEETING = re.compile("(?:政协|人大常委会)[^，。；、\n]{0,12}?[次届]常务会议")
_CITY_OFFICE = re.compile("市(?:人民)?政府办公厅")
# The people's government's own meeting written as a standing committee's: "区政府第33次常委会议", "县长主持召开……常委会"
# (not "县长主持召开十三届县委第32次常委会会议" on the secretary's behalf: the party committee's meeting is named).
_GOVERNMENT_STANDING = re.compile("(?:人民政府|[省市县区旗]政府|[省市县区]长[^，。；、\n]{0,8}?主持召开)"
                                  r"[^，。；、\n委]{0,10}?第?[\d一二三四五六七八九十]+次(常委会议|常委会)")
_MUNICIPALITIES = ("北京", "天津", "上海", "重庆")


def check_bodies(text, context):
    if "常委会" in text and "政府" in text or "长" in text and "常委会" in text:
        for match in _GOVERNMENT_STANDING.finditer(text):
            yield finding(text, *match.span(1), rule="formulation.organ.government_meeting", category="formulation",
                          severity="error", suggestion="常务会议",
                          message="人民政府的会议是“常务会议”，“常委会”是党委或人大、政协常务委员会的会议，请核实。")
    if "常务会议" in text:
        for match in _STANDING_BODY_MEETING.finditer(text):
            start = match.end() - 4
            yield finding(text, start, match.end(), rule="formulation.organ.meeting", category="formulation",
                          severity="warning", suggestion="常委会会议",
                          message="政协和人大的常务委员会开的是“常委会会议”（常务委员会会议），“常务会议”是人民政府的会议，"
                                  "请核实。")
    if "办公厅" in text and not any(name in text for name in _MUNICIPALITIES):
        for match in _CITY_OFFICE.finditer(text):
            yield finding(text, *match.span(), rule="formulation.organ.city_office", category="formulation",
                          severity="warning", suggestion=match.group()[:-1] + "室",
                          message="设区的市和县级市人民政府的办事机构是“办公室”，“办公厅”限于直辖市和省级，请核实。")
