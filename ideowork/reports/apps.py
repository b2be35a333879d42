from ideowork.core.areas import AreaConfig


class ReportsConfig(AreaConfig):
    verbose_name = "统计报表"
    registrations = ("navigation", "panels")
