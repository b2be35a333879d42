from django.apps import AppConfig


class OutletsConfig(AppConfig):
    name = "ideowork.outlets"
    label = "outlets"
    verbose_name = "宣传阵地"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import audit_events, capabilities, navigation  # noqa: F401  (register with core)
        from . import panels, signals  # noqa: F401  (register panels and signal receivers)
