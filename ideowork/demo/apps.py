from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "ideowork.demo"
    label = "demo"
    verbose_name = "演示数据"
