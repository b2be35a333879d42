from ideowork.core.areas import AreaConfig


class PlansConfig(AreaConfig):
    verbose_name = "工作要点"
    registrations = ("audit_events", "capabilities", "navigation")
    api_routers = {"plans": "api:router"}
