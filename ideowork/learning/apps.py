from ideowork.core.areas import AreaConfig


class LearningConfig(AreaConfig):
    verbose_name = "理论学习"
    registrations = ("audit_events", "capabilities", "navigation", "panels", "signals",
                     "counting:register_learning_counting", "reviews:register_reviews",
                     "organ_defaults:register_learning_defaults")

    def register(self) -> None:
        from ideowork.core.activity_kinds import register_activity_kind

        from .choices import LearningActivityKind

        # A per-person written report (调研报告) counts as a reflection.
        register_activity_kind(LearningActivityKind.REFLECTION, LearningActivityKind.REFLECTION.label, "learning",
                               keywords=("学习心得", "心得体会", "心得"), rank=20, order=130, reports=True)
