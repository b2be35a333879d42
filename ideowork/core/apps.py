from .areas import AreaConfig


class CoreConfig(AreaConfig):
    verbose_name = "基础"
    # audit event types and menu entries; login auditing; session tracking, last login, expired passwords;
    # system checks (the audit chain's key)
    registrations = ("audit_events", "navigation", "signals", "sessions", "checks")
    api_routers = {"": "api.whoami:router"}

    def register(self) -> None:
        from .actions.review_flows import describe_default_flows, setup_default_flows
        from .organ_setup import register_organ_default

        # Every organ gets the default flow of each registered review purpose (outlets' 三审三校 …).
        register_organ_default("core.review_flows", "审核流程", setup_default_flows, describe=describe_default_flows,
                               order=90)
