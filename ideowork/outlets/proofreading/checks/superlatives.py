"""Absolute praise of a product, a service or a technology: a scope or a quality followed by a superlative
("国际最先进的生产线", "品质最佳的酒店", "全球最好的技术"). The Xinhua list (《新华社新闻信息报道中的禁用词和
慎用词》, 2016) asks reports on products and services to avoid 最佳、最好、最先进 and the like; the Advertising
Law (广告法 第九条) forbids them in advertisements. A record of the past ("历史最好水平") is not praise
and is not reported.
"""

from __future__ import annotations

import re

from .base import finding

__all__ = ["check_superlatives"]

# Not 服务 or 管理: "服务最优、效率最高" is a government's aim for itself, not praise of a product.
_PRAISE = re.compile("(?:国际|国内|全国|世界|全球|业内|行业|同行业|同类|品质|质量|性能|技术|口碑|工艺|设备)"
                     "(?:上|中|内)?(最(?:先进|佳|好|优|高端|顶尖|权威|领先))(?![的地得]?(?:水平|纪录|记录|成绩|年份|时期))")

# A region's "best" as a label for a place or a project ("打造全市最好的示范街道", "全省最佳的幸福小镇"): the same
# absolute praise, written with 的 before what it praises; a record ("全省最好的成绩") is not praise.
_REGION_PRAISE = re.compile("(?:全省|全市|全县|全区|全镇|全州|全盟|全旗|省内|市内|县内|区内)"
                            "(最(?:先进|佳|好|优|美|强))的(?!(?:水平|纪录|记录|成绩|成效|年份|时期|时候|一年|历史|名次|排名))")


def check_superlatives(text, context):
    if "最" not in text:
        return
    for match in (*_PRAISE.finditer(text), *_REGION_PRAISE.finditer(text)):
        yield finding(text, *match.span(), rule="cautious.superlative", category="cautious", severity="warning",
                      suggestion=None,
                      message=f"“{match.group()}”是绝对化的评价用语，报道产品、服务和技术时应避免"
                              "（新华社禁用词和慎用词），请改为有依据的具体表述（如“国际领先”）或删去。")
