"""The live test of a scheme being written (试运行): its words and expression against recent items.

``run_trial(user, fields, explain=None)`` compiles the scheme as typed (nothing is saved) and
matches it against the latest ``TRIAL_ITEMS`` items the user may see (``Item.objects.visible_to``);
for one item (the one asked for, else the first that matched) it gives ``Matcher.explain``: each
word's occurrences with a snippet around it, and every node's truth value with its Chinese reason.
A word group or expression that does not compile comes back as errors per field; an expression
error also carries the expression split at its position, so the page can point at the character.
"""

from dataclasses import dataclass, field

from .matching import ExpressionError, Explanation, Matcher, parse
from .matching.normalise import item_text, normalise_with_offsets, original_span
from .models import Item, Scheme
from .models.schemes import WORD_GROUPS, group_words

__all__ = ["TRIAL_ITEMS", "Trial", "run_trial"]

TRIAL_ITEMS = 200
SHOWN = 50            # items listed on each side (matched, not matched)
SNIPPET_CHARS = 18    # characters either side of an occurrence


@dataclass
class Pointer:
    """An expression error's position shown in place: the text before, the character, the text after."""
    before: str
    at: str
    after: str


@dataclass
class Trial:
    errors: dict[str, str] = field(default_factory=dict)
    pointer: Pointer | None = None
    tested: int = 0
    matched: list = field(default_factory=list)
    unmatched: list = field(default_factory=list)
    matched_count: int = 0
    explained: Item | None = None
    explanation: Explanation | None = None
    snippets: list = field(default_factory=list)   # (word, [(before, hit, after), …]) for the explained item

    @property
    def unmatched_count(self) -> int:
        return self.tested - self.matched_count

    @property
    def ok(self) -> bool:
        return not self.errors


def _pointer(expression: str, position: int | None) -> Pointer | None:
    if not position:
        return None
    index = position - 1
    return Pointer(expression[:index], expression[index:index + 1] or "␣", expression[index + 1:])


def _compile(fields: dict, trial: Trial):
    scheme = Scheme(**{name: fields.get(name) or "" for _, name, _ in WORD_GROUPS},
                    expression=(fields.get("expression") or "").strip())
    for _, name, label in WORD_GROUPS:
        try:
            group_words(getattr(scheme, name), label)
        except ExpressionError as exc:
            trial.errors[name] = exc.message
    if scheme.expression:
        try:
            parse(scheme.expression)
        except ExpressionError as exc:
            trial.errors["expression"] = exc.message
            trial.pointer = _pointer(scheme.expression, exc.position)
    if trial.errors:
        return None
    try:
        return scheme.as_expression()
    except ExpressionError as exc:
        trial.errors["__all__"] = exc.message
        return None


def run_trial(user, fields: dict, explain: int | None = None) -> Trial:
    trial = Trial()
    node = _compile(fields, trial)
    if node is None:
        return trial
    matcher = Matcher.compile([("trial", node)])
    items = list(Item.objects.visible_to(user).select_related("source")
                 .only("pk", "title", "text", "arrived_at", "published_at", "outlet_name", "source__name")
                 .order_by("-arrived_at", "-id")[:TRIAL_ITEMS])
    trial.tested = len(items)
    for item in items:
        (trial.matched if matcher.match(item.title, item.text) else trial.unmatched).append(item)
    trial.matched_count = len(trial.matched)
    chosen = next((item for item in items if item.pk == explain), None) if explain else None
    chosen = chosen or (trial.matched[0] if trial.matched else None)
    if chosen is not None:
        trial.explained = chosen
        trial.explanation = matcher.explain("trial", chosen.title, chosen.text)
        trial.snippets = _snippets(chosen, trial.explanation)
    trial.matched, trial.unmatched = trial.matched[:SHOWN], trial.unmatched[:SHOWN]
    return trial


def _snippets(item: Item, explanation: Explanation) -> list:
    """For each word, its first occurrences with the characters around them, in the original text."""
    original = item_text(item.title, item.text)
    _, origins = normalise_with_offsets(original)
    shown = []
    for hits in explanation.words:
        spots = []
        for occurrence in hits.occurrences[:5]:
            first, last = original_span(origins, len(original), occurrence.start, occurrence.end)
            before = original[max(0, first - SNIPPET_CHARS):first].split("\n")[-1]
            after = original[last:last + SNIPPET_CHARS].split("\n")[0]
            spots.append((before, original[first:last], after))
        shown.append((hits.word, len(hits.occurrences), spots))
    return shown
