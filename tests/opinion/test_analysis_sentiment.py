"""Sentiment: the lexicon, negation, degree, contrast, rhetorical questions, the users' own words, explain."""

import pytest

from ideowork.opinion.analysis import Lexicon, LexiconError, explain_sentiment, sentiment


@pytest.mark.parametrize("title, text, label", [
    ("群众点赞", "便民服务中心办事效率很高，群众非常满意。", "positive"),
    ("网友投诉", "办事窗口推诿扯皮，问题至今没有解决。", "negative"),
    ("", "县气象台发布暴雨蓝色预警，请注意防范。", "neutral"),
    ("", "居民对此并不满意。", "negative"),                  # negation turns a positive word
    ("", "服务态度不太好，但是问题很快得到解决。", "positive"),   # the clause after 但是 decides
    ("", "问题得到解决，但是服务态度恶劣，群众很失望。", "negative"),
    ("", "难道这就是为民服务吗？", "negative"),                # a rhetorical question
    ("鄉鎮幹部不作為", "", "negative"),                      # traditional characters, one normalisation
    ("", "火灾无人员伤亡。", "neutral"),                      # a negated harm is not praise
])
def test_labels(title, text, label):
    assert sentiment(title, text).label == label


def test_negation_reaches_only_its_clause():
    assert sentiment("", "没有，问题得到妥善解决。").label == "positive"
    assert sentiment("", "问题没有得到妥善解决。").label == "negative"


def test_degree_scales_and_a_negated_degree_weakens():
    assert sentiment("", "群众非常满意。").score > sentiment("", "群众满意。").score > sentiment("", "群众比较满意。").score
    assert sentiment("", "不太满意。").score > sentiment("", "不满意。").score


def test_the_title_weighs_more_than_the_text():
    assert sentiment("群众满意", "").score > sentiment("", "群众满意").score


def test_explain_names_the_words_and_the_rules():
    result = explain_sentiment("", "服务态度不太好，但是问题很快得到解决。")
    words = {decision.word: decision for decision in result.words}
    assert set(words) == {"好", "得到解决"}
    assert any("被否定" in rule for rule in words["好"].rules)
    assert any("转折后" in rule for rule in words["得到解决"].rules)
    assert any("转折词“但是”" in reason for reason in result.reasons)
    assert result.label_zh == "正面"
    assert sentiment("", "服务态度不太好，但是问题很快得到解决。").words == ()   # the fast path keeps no explanation


def test_users_words_extend_the_defaults_without_rebuilding_them():
    default = Lexicon.default()
    mine = default.extended(sentiment={"躺平式办公": -3, "满意": 0}, removed=["点赞"])
    assert sentiment("", "窗口躺平式办公。", mine).label == "negative"
    assert sentiment("", "窗口躺平式办公。").label == "neutral"
    assert sentiment("", "居民满意。", mine).label == "neutral"
    assert sentiment("", "居民点赞", mine).label == "neutral"
    assert Lexicon.default() is default and default.sentiment["满意"] == 2.0


@pytest.mark.parametrize("words, message", [
    ({"": 1}, "用户词表中有空词语"),
    ({"推诿": 5}, "用户词表中“推诿”的权重应为 -3 到 3 之间的数"),
    ({"推诿": "很差"}, "用户词表中“推诿”的权重应为 -3 到 3 之间的数"),
])
def test_bad_user_words_are_refused_in_chinese(words, message):
    with pytest.raises(LexiconError) as refused:
        Lexicon.default().extended(sentiment=words)
    assert refused.value.message == message


def test_every_data_file_says_where_it_came_from():
    from ideowork.opinion.analysis.lexicon import DATA

    for path in DATA.glob("*.tsv"):
        header = path.read_text(encoding="utf-8").splitlines()[0]
        assert header.startswith("#") and ("by hand" in header or "from" in header), path.name


# What a sentence does, not only what it feels (session eleven): plans, hypotheses and the past are
# framed, a repeated word is one problem, a fix done or an answer given turns the complaint round.

@pytest.mark.parametrize("text, label", [
    ("路面破损。城管局回复称，已列入维修计划，将尽快修复。", "neutral"),    # a plan is not a repair
    ("路面破损多日，居民多次反映。目前已修复，恢复通行。", "positive"),     # the fix turns the complaint
    ("工人被拖欠工资三个月。拖欠的工资已全部结清。", "positive"),           # a word that tells of a fix
    ("工人被拖欠工资三个月，多次讨要无果。", "negative"),
    ("路面什么时候能修好？", "neutral"),                                  # a question does not assert
    ("如遇停水，请拨打热线。", "neutral"),                                # a hypothesis is not an event
    ("以前办事跑断腿，现在一次办好。", "positive"),                        # the past is framed
])
def test_frames_turns_and_answers(text, label):
    assert sentiment("", text).label == label


def test_a_repeated_word_weighs_less_and_explain_says_why():
    once, thrice = sentiment("", "臭味扰民。"), sentiment("", "臭味扰民。臭味扰民。臭味扰民。")
    assert thrice.score == pytest.approx(once.score * 2)
    result = explain_sentiment("", "路面破损，路面破损。目前已修复。")
    assert any("重复出现" in rule for decision in result.words for rule in decision.rules)
    assert any("转机“目前已”" in reason for reason in result.reasons)
    planned = explain_sentiment("", "将尽快修复。")
    assert any("“将尽快”之后" in rule for rule in planned.words[0].rules)
    answered = explain_sentiment("", "路面破损。城管局回复称，正在处理。")
    assert any("答复词“回复称”" in reason for reason in answered.reasons)


def test_a_turn_inside_a_plan_does_not_turn():
    assert sentiment("", "停水三天，居民苦不堪言，将尽快恢复供水。").label == "negative"
