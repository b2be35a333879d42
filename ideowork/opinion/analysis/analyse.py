"""What the ingestion service runs on every item: sentiment, grade and signature, normalising once."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

from ..matching.normalise import normalise
from .events import Signature, signature_of_normalised
from .grade import GradeResult, GradeRules, grade
from .lexicon import Lexicon
from .sentiment import SentimentResult, sentiment_of_normalised

__all__ = ["Analysis", "analyse", "analyse_normalised"]


@dataclass(frozen=True, slots=True)
class Analysis:
    sentiment: SentimentResult
    grade: GradeResult
    signature: Signature | None


def analyse(title: str, text: str, *, source_level: str | None = None, reach: Mapping[str, int] | None = None,
            outlets: int = 1, day: int | None = None, lexicon: Lexicon | None = None,
            rules: GradeRules | None = None) -> Analysis:
    """The item's sentiment, grade (as a single outlet's, unless ``outlets`` says more) and signature.

    The grade of an event is worth recomputing when its outlets grow (``grade`` with the lead item).
    """
    return analyse_normalised(normalise(title or ""), normalise(text or ""), source_level=source_level, reach=reach,
                              outlets=outlets, day=day, lexicon=lexicon, rules=rules)


def analyse_normalised(title_n: str, text_n: str, *, source_level: str | None = None,
                       reach: Mapping[str, int] | None = None, outlets: int = 1, day: int | None = None,
                       lexicon: Lexicon | None = None, rules: GradeRules | None = None,
                       with_signature: bool = True) -> Analysis:
    """``analyse`` of a title and text already normalised (the intake normalises them for the content
    fingerprint). ``with_signature=False`` leaves the signature out (None): the ingestion service
    computes it only for the items a scheme matched, which are the ones that join events."""
    lexicon = lexicon or Lexicon.default()
    mood = sentiment_of_normalised(title_n, text_n, lexicon)
    graded = grade(title_n, text_n, sentiment=mood.label, source_level=source_level, reach=reach, outlets=outlets,
                   lexicon=lexicon, rules=rules, normalised=True, sensitive=mood.sensitive)
    return Analysis(mood, graded, signature_of_normalised(title_n, text_n, day) if with_signature else None)
