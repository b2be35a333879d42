from django.apps import AppConfig


class OpinionConfig(AppConfig):
    name = "ideowork.opinion"
    label = "opinion"
    verbose_name = "舆情监测"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import audit_events, capabilities, navigation, panels  # noqa: F401  (register with core)

        # Intake: the ingest endpoint on the HTTP API.
        from ideowork.core.api import register_api_router

        from .api import router as intake_router

        register_api_router("opinion", intake_router)

        # Handling: 销号 through the review workflow, and the kinds the patrol and handling record.
        from .kinds import register_opinion_kinds
        from .reviews import register_reviews

        register_opinion_kinds()
        register_reviews()
