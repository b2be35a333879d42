from django.apps import AppConfig


class RisksConfig(AppConfig):
    name = "ideowork.risks"
    label = "risks"
    verbose_name = "风险防控"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import audit_events, capabilities, navigation, panels  # noqa: F401  (register with core)
        from .counting import register_risks_counting
        from .organ_defaults import register_defaults
        from .reviews import register_reviews
        from .signals import connect_version_signals

        register_reviews()
        register_defaults()
        register_risks_counting()
        connect_version_signals()
