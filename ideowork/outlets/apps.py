from ideowork.core.areas import AreaConfig


class OutletsConfig(AreaConfig):
    verbose_name = "宣传阵地"
    registrations = ("audit_events", "capabilities", "navigation", "panels", "signals",
                     "kinds:register_outlet_kinds", "counting:register_outlet_counting", "reviews:register_reviews")
