from ideowork.core.areas import AreaConfig


class RisksConfig(AreaConfig):
    verbose_name = "风险防控"
    registrations = ("audit_events", "capabilities", "navigation", "panels", "reviews:register_reviews",
                     "organ_defaults:register_defaults", "counting:register_risks_counting",
                     "signals:connect_version_signals")
