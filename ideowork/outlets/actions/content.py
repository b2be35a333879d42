"""Placeholder until the content part lands: the proofreading gate of the review."""


def review_blockers(content, stage) -> list[str]:
    return []
