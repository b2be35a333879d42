from django.apps import AppConfig


class ReviewAppConfig(AppConfig):
    name = "tests.reviewapp"
    label = "reviewapp"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from ideowork.core.actions.review_registry import register_blocker, register_reviewable

        from .models import BLOCKERS, Memo

        register_reviewable(Memo, purpose="publish", editors="outlets.publish")
        register_blocker(Memo, lambda memo, stage: list(BLOCKERS.get("reasons", [])) if stage.signs else [])
