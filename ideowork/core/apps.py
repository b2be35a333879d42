from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "ideowork.core"
    label = "core"
    verbose_name = "基础"

    def ready(self) -> None:
        from . import audit_events, navigation  # noqa: F401  (register audit event types and menu entries)
        from . import signals  # noqa: F401  (login auditing)
        from . import sessions  # noqa: F401  (session tracking, last login, expired passwords)
        from . import checks  # noqa: F401  (system checks: the audit chain's key)
        from .actions.review_flows import describe_default_flows, setup_default_flows
        from .organ_setup import register_organ_default
        from .api import register_api_router
        from .api.whoami import router as whoami_router

        register_api_router("", whoami_router)

        # Every organ gets the default flow of each registered review purpose (outlets' 三审三校 …).
        register_organ_default("core.review_flows", "审核流程", setup_default_flows, describe=describe_default_flows,
                               order=90)
