"""The automatic proofreader for Chinese official texts.

Word rules (political formulations, official titles of state organs, forbidden and cautious words of the
Xinhua list, confusables, outdated references, custom rules) are matched together by one Aho–Corasick
automaton; numbering and inline sequences, punctuation, numbers, pairing, doubled characters and words,
width, fixed enumerations, dated references (congresses, plenums, sessions, plans, anniversaries),
misspelt fixed terms (one character wrong, by halves matched exactly), near-quotes of canonical
formulations (members reordered or left out, near-synonyms, wrong verbs: every wrong form derived from the
canonical text into one automaton), 的/地, characters of similar shape (曰 for 日) and absolute praise are
structural checks in code, each a linear scan whatever the number of rules. Reference data (events with
their dates, the fixed terms, the canonical formulations) is in ``data/reference/``.
"""

from .engine import Proofreader
from .findings import Finding
from .rules import MAX_PATTERN_LENGTH, WORD_CATEGORIES, RuleFileError, RuleSpec, parse_rule_file, shipped_rules
from .service import proofread, proofreader_for, rules_revision, spec_from_rule
from .text import extract_text

__all__ = ["Finding", "RuleSpec", "RuleFileError", "parse_rule_file", "shipped_rules", "Proofreader", "proofread",
           "proofreader_for", "rules_revision", "extract_text", "spec_from_rule",
           "MAX_PATTERN_LENGTH", "WORD_CATEGORIES"]
