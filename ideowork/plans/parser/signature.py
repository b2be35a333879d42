"""The issuing organ's name and the date, as they stand in a 落款 or a 发文机关 line."""

from __future__ import annotations

import re

__all__ = ["ORG_NAME", "DATE_LINE", "ORG_AND_DATE", "ISSUER_LABEL", "is_org_name"]

_ORG_SUFFIX = (r"(?:委员会|办公室|党工委|党委|党组|总支|支部|机关|政府|中心|公司|集团|学校|大学|医院|"
               r"[部委办局厅室处科会院所组司署站队庭馆社团])")
# An organ's name on a line of its own: CJK (and the odd Latin letter or X placeholder), no punctuation.
ORG_NAME = re.compile(r"^(?:中共|中国共产党)?[\u4e00-\u9fffA-Za-z0-9()（）]{1,30}" + _ORG_SUFFIX + r"$")
_CN_YEAR = r"(?:\d{4}|[二〇零○O0一三四五六七八九]{4})"
_DATE = _CN_YEAR + r"\s*年\s*[\d一二三四五六七八九十]{1,3}\s*月(?:\s*[\d一二三四五六七八九十]{1,3}\s*日)?"
DATE_LINE = re.compile(r"^[(（]?\s*" + _DATE + r"\s*(?:印发|制定|通过)?\s*[)）]?$")
ORG_AND_DATE = re.compile(r"^(?P<org>\S{2,30}?" + _ORG_SUFFIX + r")\s+(?P<date>" + _DATE + r")\s*(?:印发)?$")
ISSUER_LABEL = re.compile(r"^(?:发文机关|发文单位|印发单位|制发单位|发文机构|落款)\s*[:：]\s*(?P<org>\S.{0,40})$")


def is_org_name(folded_line: str) -> bool:
    return bool(ORG_NAME.match(folded_line))
