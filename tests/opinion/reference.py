"""A naive reference evaluator: the language's meaning written as plainly as possible (str.find loops)."""

from ideowork.opinion.matching import And, Near, Not, Or, Word, item_text, normalise


def occurrences(text: str, word: str) -> list[tuple[int, int]]:
    found, start = [], text.find(word)
    while start >= 0:
        found.append((start, start + len(word)))
        start = text.find(word, start + 1)
    return found


def holds(node, text: str) -> bool:
    if isinstance(node, Word):
        return text.find(node.text) >= 0
    if isinstance(node, Not):
        return not holds(node.operand, text)
    if isinstance(node, And):
        return all(holds(o, text) for o in node.operands)
    if isinstance(node, Or):
        return any(holds(o, text) for o in node.operands)
    assert isinstance(node, Near)
    for a in occurrences(text, node.left.text):
        for b in occurrences(text, node.right.text):
            if a == b:
                continue
            between = max(b[0] - a[1], a[0] - b[1], 0)
            if between <= node.distance:
                return True
    return False


def naive_match(node, title: str, text: str) -> bool:
    return holds(node, normalise(item_text(title, text)))
