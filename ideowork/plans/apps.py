from django.apps import AppConfig


class PlansConfig(AppConfig):
    name = "ideowork.plans"
    label = "plans"
    verbose_name = "工作要点"
