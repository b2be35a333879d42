from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "ideowork.reports"
    label = "reports"
    verbose_name = "统计报表"

    def ready(self) -> None:
        from . import navigation, panels  # noqa: F401  (register menu entries and panels)
