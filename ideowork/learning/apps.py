from django.apps import AppConfig


class LearningConfig(AppConfig):
    name = "ideowork.learning"
    label = "learning"
    verbose_name = "理论学习"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import audit_events, capabilities, navigation  # noqa: F401  (register with core)
        from . import panels, signals  # noqa: F401  (register panels, to-do providers and signal receivers)
