from django.apps import AppConfig


class LedgerConfig(AppConfig):
    name = "ideowork.ledger"
    label = "ledger"
    verbose_name = "工作台账"

    def ready(self) -> None:
        from . import audit_events, capabilities, navigation  # noqa: F401  (register with core)
        from ideowork.core.panels import register_panel

        from . import signals  # noqa: F401  (credits follow target changes)
        from .panels import item_progress_panel

        register_panel("plans.item", item_progress_panel, order=10)
