from ideowork.core.areas import AreaConfig


class DemoConfig(AreaConfig):
    verbose_name = "演示数据"
