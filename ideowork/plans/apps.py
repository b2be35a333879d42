from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "ideowork.plans"
    label = "plans"
    verbose_name = "工作要点"

    def ready(self) -> None:
        from . import audit_events, capabilities, navigation  # noqa: F401  (register with core)
        from ideowork.core.api import register_api_router

        from .api import router

        register_api_router("plans", router)
