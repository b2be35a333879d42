from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "ideowork.core"
    label = "core"
    verbose_name = "基础"

    def ready(self) -> None:
        from . import audit_events, navigation  # noqa: F401  (register audit event types and menu entries)
        from . import signals  # noqa: F401  (login auditing)
