"""Usages judged against the rest of the same text:

- a party congress written bare ("学习宣传二十大精神") in a text that elsewhere writes it in full ("党的二十大"): the
  Xinhua list has 党的X大, and the text's own usage shows the bare form is a slip (a text that writes it bare
  throughout is left alone, as published texts do);
- the members of a political consultative conference called 代表 ("看望参加政协会议的…教育界代表", "感谢各位代表")
  in a paragraph about the CPPCC that does not name a people's congress: CPPCC members are 委员 (Xinhua list);
- one body's party organisation written both 党组 and 党委 ("教科局党委书记" beside "教科局党组成员"): a government
  department has a 党组, so the form that disagrees with the other mention is reported.

- a body named with another formative word than the text's own usage elsewhere ("旗退役军人管理局" beside
  "旗退役军人事务局" twice);
- a person the text calls a suspect (犯罪嫌疑人) called 罪犯 where no judgment is named: before a court's judgment
  nobody is a convict.
- 罪犯 as the object of an arrest approved or a prosecution ("批捕……罪犯305人", "审查起诉罪犯"): at those stages the
  person is a suspect, whatever the rest of the text says.

Sources: 《新华社新闻信息报道中的禁用词和慎用词（2016年7月修订）》（“党的十八大”等不简称；政协委员不称“代表”；
对案件中的当事人，未经判决不称“罪犯”，称“犯罪嫌疑人”）；《中华人民共和国刑事诉讼法》第十二条；
《中国共产党党组工作条例》（2019年修订：政府工作部门设立党组）。
"""

from __future__ import annotations

import re

from .base import finding

__all__ = ["check_mentions"]

_CN = "一二三四五六七八九十"
_CONGRESS = re.compile(f"(?<![{_CN}党届])((?:[十二]?[{_CN}])大)(?=精神|报告|会议|胜利|召开|以来|代表|和|、)")
_CPPCC_DELEGATES = re.compile("各位代表|(?<=界)代表|委员代表")
_BODY_PARTY = re.compile("(?<=[局厅])(党组|党委)(?=书记|副书记|成员|委员|会议|理论学习)")


def check_mentions(text, context):
    if "大" in text and "党的" in text:
        yield from _bare_congresses(text)
    if "政协" in text and "代表" in text:
        yield from _cppcc_delegates(text)
    if "党组" in text and "党委" in text:
        yield from _party_organs(text)
    if "罪犯" in text and "嫌疑人" in text:
        yield from _convicts_before_judgment(text)
    elif "罪犯" in text and ("捕" in text or "起诉" in text):
        yield from _convicts_arrested(text)
    if "局" in text or "厅" in text:
        yield from _bodies_named_two_ways(text)


# A body of a locality named with another formative than the text's own usage ("旗退役军人管理局" beside
# "旗退役军人事务局" twice): the same jurisdiction, stem and kind, one formative word exchanged.
_BODY_NAME = re.compile("([省市县区旗州盟])([\u4e00-\u9fff]{2,5}?)(事务|管理|服务|保障|监督|行政|综合|工作)(局|厅)")


def _bodies_named_two_ways(text):
    named: dict[tuple[str, str, str], dict[str, list[re.Match]]] = {}
    for match in _BODY_NAME.finditer(text):
        jurisdiction, stem, formative, kind = match.groups()
        named.setdefault((jurisdiction, stem, kind), {}).setdefault(formative, []).append(match)
    for (jurisdiction, stem, kind), forms in named.items():
        if len(forms) < 2:
            continue
        ranked = sorted(forms.items(), key=lambda item: -len(item[1]))
        usual, usual_matches = ranked[0]
        if len(usual_matches) == len(ranked[1][1]):
            continue  # no usage of the text's own to go by
        for formative, matches in ranked[1:]:
            for match in matches:
                yield finding(text, match.start(3), match.end(3), rule="formulation.organ.two_names",
                              category="formulation", severity="warning", suggestion=usual,
                              message=f"同一机构全文多处称“{jurisdiction}{stem}{usual}{kind}”，此处作"
                                      f"“{jurisdiction}{stem}{formative}{kind}”，请核对机构名称。")


# A person the text itself calls a suspect (犯罪嫌疑人) is called 罪犯 in a sentence that names no judgment.
_JUDGED = re.compile("判决|判处|宣判|服刑|在押|监狱|刑满|改造|减刑|假释|执行死刑")


def _convicts_before_judgment(text):
    for match in re.finditer("罪犯", text):
        begin = max(text.rfind(mark, 0, match.start()) for mark in "。！？\n") + 1
        stops = [i for i in (text.find(mark, match.end()) for mark in "。！？\n") if i >= 0]
        sentence = text[begin:min(stops) if stops else len(text)]
        if _JUDGED.search(sentence) or text[max(0, match.start() - 1):match.start()] == "犯":
            continue
        yield finding(text, *match.span(), rule="forbidden.convict.suspect", category="forbidden", severity="warning",
                      suggestion="犯罪嫌疑人",
                      message="未经人民法院判决，不称“罪犯”；全文他处称“犯罪嫌疑人”，此处应一致。")


# An arrest approved or a prosecution, then 罪犯 in the same clause; not one on the run or serving a sentence
# ("抓捕在逃罪犯", "对服刑罪犯又犯新罪的提起公诉").
_ARRESTED_CONVICT = re.compile("(?:批捕|批准逮捕|提请逮捕|审查逮捕|审查起诉|提起公诉|起诉(?!书))[^。；，：\n]{0,12}?罪犯")
_NOT_YET_A_SUSPECT = re.compile("在逃|脱逃|越狱|服刑|在押|刑满|假释|监外|减刑|判决|判处|又犯")


def _convicts_arrested(text):
    for match in _ARRESTED_CONVICT.finditer(text):
        if _NOT_YET_A_SUSPECT.search(match.group()):
            continue
        yield finding(text, match.end() - 2, match.end(), rule="forbidden.convict.arrested", category="forbidden",
                      severity="warning", suggestion="犯罪嫌疑人",
                      message="批准逮捕、审查起诉阶段尚未经人民法院判决，不称“罪犯”，应称“犯罪嫌疑人”。")


def _bare_congresses(text):
    full: dict[str, int] = {}
    for match in re.finditer(f"党的((?:[十二]?[{_CN}])大)", text):
        full[match.group(1)] = full.get(match.group(1), 0) + 1
    bare = [m for m in _CONGRESS.finditer(text) if text[max(0, m.start() - 2):m.start()] not in ("党的", "中共")
            and text.rfind("“", 0, m.start()) <= text.rfind("”", 0, m.start())]  # not a slogan in quotes ("笃行二十大")
    for match in bare:
        if sum(m.group(1) == match.group(1) for m in bare) >= full.get(match.group(1), 0):
            continue  # the text's own usage is the bare form (or as often): left alone
        yield finding(text, *match.span(1), rule="forbidden.congress.bare", category="forbidden", severity="warning",
                      suggestion=f"党的{match.group(1)}",
                      message=f"全文他处写作“党的{match.group(1)}”，此处单称“{match.group(1)}”，应统一为“党的{match.group(1)}”。")


def _cppcc_delegates(text):
    first_cppcc = text.find("政协")
    for match in _CPPCC_DELEGATES.finditer(text, first_cppcc):
        if match.group() == "委员代表":
            continue  # representatives chosen among the members
        begin = text.rfind("\n", 0, match.start()) + 1
        stop = text.find("\n", match.end())
        body = text[begin:len(text) if stop < 0 else stop]
        if "政协" not in body and "委员" not in body or "人大" in body or "人民代表" in body or "党代" in body:
            continue
        yield finding(text, *match.span(), rule="forbidden.cppcc.delegates", category="forbidden",
                      severity="warning", suggestion=match.group().replace("代表", "委员"),
                      message="政协委员不称“代表”，请核实：出席政协会议的是“委员”。")


def _party_organs(text):
    seen: dict[str, list[re.Match]] = {}
    for match in _BODY_PARTY.finditer(text):
        body = text[max(0, match.start() - 2):match.start()]  # "科局" of 教科局: the body's own name
        seen.setdefault(body, []).append(match)
    for body, matches in seen.items():
        if {m.group(1) for m in matches} != {"党组", "党委"}:
            continue
        for match in matches:
            if match.group(1) == "党委":
                yield finding(text, *match.span(1), rule="formulation.organ.party_group", category="formulation",
                              severity="warning", suggestion="党组",
                              message=f"政府工作部门设党组，下文亦作“…{body}党组”，此处“…{body}党委”不一致，请核实。")
