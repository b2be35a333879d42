from ideowork.core.areas import AreaConfig


class LedgerConfig(AreaConfig):
    verbose_name = "工作台账"
    # signals: credits follow target changes
    registrations = ("audit_events", "capabilities", "navigation", "signals", "kinds:register_ledger_kinds")

    def register(self) -> None:
        from ideowork.core.panels import register_panel

        from .panels import item_progress_panel

        register_panel("plans.item", item_progress_panel, order=10)
