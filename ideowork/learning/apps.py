from django.apps import AppConfig


class LearningConfig(AppConfig):
    name = "ideowork.learning"
    label = "learning"
    verbose_name = "理论学习"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from . import panels  # noqa: F401  (registers the learning panels on other apps' pages)
