"""The automatic proofreader for Chinese official texts.

Word rules (political formulations, forbidden and cautious words, confusables, outdated references,
custom rules) are matched together by one Aho–Corasick automaton; numbering, punctuation, numbers,
pairing, doubled characters, width and fixed enumerations are structural checks in code.
"""

from .engine import Proofreader
from .findings import Finding
from .rules import MAX_PATTERN_LENGTH, WORD_CATEGORIES, RuleFileError, RuleSpec, parse_rule_file, shipped_rules
from .service import proofread, proofreader_for, rules_revision, spec_from_rule
from .text import extract_text

__all__ = ["Finding", "RuleSpec", "RuleFileError", "parse_rule_file", "shipped_rules", "Proofreader", "proofread",
           "proofreader_for", "rules_revision", "extract_text", "spec_from_rule",
           "MAX_PATTERN_LENGTH", "WORD_CATEGORIES"]
