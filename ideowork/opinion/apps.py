from ideowork.core.areas import AreaConfig


class OpinionConfig(AreaConfig):
    verbose_name = "舆情监测"
    # Handling: 销号 through the review workflow, and the kinds the patrol and handling record.
    registrations = ("audit_events", "capabilities", "navigation", "panels",
                     "kinds:register_opinion_kinds", "reviews:register_reviews")
    # Intake: the ingest endpoint on the HTTP API.
    api_routers = {"opinion": "api:router"}
