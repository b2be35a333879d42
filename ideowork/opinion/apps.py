from django.apps import AppConfig


class OpinionConfig(AppConfig):
    name = "ideowork.opinion"
    label = "opinion"
    verbose_name = "舆情监测"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import audit_events, capabilities, navigation  # noqa: F401  (register with core)
