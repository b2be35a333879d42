from django.apps import AppConfig


class LearningConfig(AppConfig):
    name = "ideowork.learning"
    label = "learning"
    verbose_name = "理论学习"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from ideowork.core.activity_kinds import register_activity_kind

        from . import audit_events, capabilities, navigation  # noqa: F401  (register with core)
        from . import panels, signals  # noqa: F401  (register panels, to-do providers and signal receivers)
        from .choices import LearningActivityKind
        from .counting import register_learning_counting
        from .organ_defaults import register_learning_defaults
        from .reviews import register_reviews

        # A per-person written report (调研报告) counts as a reflection.
        register_activity_kind(LearningActivityKind.REFLECTION, LearningActivityKind.REFLECTION.label, "learning",
                               keywords=("学习心得", "心得体会", "心得"), rank=20, order=130, reports=True)
        register_learning_counting()
        register_reviews()
        register_learning_defaults()
