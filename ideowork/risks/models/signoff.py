"""What a record signed off through core's 签批 offers the review workflow, beyond its title and
version: its author (who recorded it), no owners (the flow's roles decide), and the services that
apply the outcome, named by their dotted path so the models do not import the actions."""

from django.utils.module_loading import import_string

__all__ = ["SignOffSubject"]


class SignOffSubject:
    approved_by_review = ""  # dotted path of ``f(record, review, actor)``, run inside the workflow
    refused_by_review = ""

    def review_author(self):
        return self.created_by

    def review_owners(self):
        return []

    def on_review_approved(self, review, actor) -> None:
        import_string(self.approved_by_review)(self, review, actor)

    def on_review_rejected(self, review, actor) -> None:
        import_string(self.refused_by_review)(self, review, actor)
