"""Matching items against monitoring schemes (pure Python, no Django).

``normalise`` — the one normalisation; ``expression`` — the scheme expression language;
``matcher`` — all schemes in one automaton, one scan per item, and the explanation of one match.
"""

from .expression import And, ExpressionError, Near, Node, Not, Or, Word, parse, render, scheme_expression, words_of
from .matcher import Explanation, Matcher, MatcherCache, NodeResult, Occurrence, WordHits
from .normalise import ITEM_SEPARATOR, item_text, normalise, normalise_with_offsets

__all__ = ["And", "ExpressionError", "Near", "Node", "Not", "Or", "Word", "parse", "render", "scheme_expression",
           "words_of", "Explanation", "Matcher", "MatcherCache", "NodeResult", "Occurrence", "WordHits",
           "ITEM_SEPARATOR", "item_text", "normalise", "normalise_with_offsets"]
