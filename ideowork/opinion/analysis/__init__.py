"""Analysis of opinion items (pure Python, no Django): sentiment, grade, de-duplication and events.

``lexicon`` — the word lists (data files plus the users' own), one automaton; ``sentiment`` —
negative / neutral / positive with negation, degree, contrast and rhetorical questions, and its
explanation; ``grade`` — 一般 / 较大 / 重大 / 特别重大 from readable rules; ``events`` — exact and
near-duplicate signatures and the incremental event index. ``analyse`` runs the three an ingestion
service needs per item.
"""

from .analyse import Analysis, analyse, analyse_normalised
from .events import Assignment, EventIndex, Signature, assign_events, signature
from .grade import GradeResult, GradeRules, grade
from .lexicon import Lexicon, LexiconError
from .sentiment import SentimentResult, WordDecision, explain_sentiment, sentiment

__all__ = ["Analysis", "analyse", "analyse_normalised", "Assignment", "EventIndex", "Signature", "assign_events",
           "signature", "GradeResult", "GradeRules", "grade", "Lexicon", "LexiconError", "SentimentResult", "WordDecision",
           "explain_sentiment", "sentiment"]
