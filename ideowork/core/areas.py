"""The ``AppConfig`` base of every app: an area declares what it registers with core, ``ready()`` does it.

An area adds itself to the shared mechanisms (capabilities, menu, audit event types, panels, activity
kinds, counting rules, reviewables, organ defaults, API endpoints) only through registries, and only when
Django calls its ``AppConfig.ready``. An area's config names no more than its Chinese name and what it
registers (the app's name is the package of its apps module, its label the package's last part), and
``AreaConfig.ready`` does the registering from three declarations, in order:

``registrations``
    the area's modules that register, in order: ``"navigation"`` imports ``<app>.navigation`` (its
    registrations run on import); ``"kinds:register_outlet_kinds"`` imports ``<app>.kinds`` and calls
    its ``register_outlet_kinds()``.
``api_routers``
    ``{prefix: "module:attribute"}``: django-ninja routers served under ``/api/v1/<prefix>``.
``register()``
    a hook for what neither expresses (a registration call with arguments).

::

    class OutletsConfig(AreaConfig):
        verbose_name = "宣传阵地"
        registrations = ("audit_events", "capabilities", "navigation", "panels", "signals",
                         "kinds:register_outlet_kinds", "reviews:register_reviews")
"""

from importlib import import_module

from django.apps import AppConfig

__all__ = ["AreaConfig"]


class AreaConfig(AppConfig):
    registrations: tuple[str, ...] = ()
    api_routers: dict[str, str] = {}

    # Django picks an apps module's one AppConfig subclass (``default`` not False) as the app's config;
    # this base, imported into every apps module, must not count. Its subclasses count again.
    default = False

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if "default" not in vars(cls):
            cls.default = True
        # The app is the package its apps module is in (``ideowork.outlets``), its label the package's last
        # part (``outlets``), as Django would derive it; set on the class, so that code may name
        # ``OutletsConfig.label`` without the app registry.
        if "name" not in vars(cls):
            cls.name = cls.__module__.rpartition(".")[0]
        if "label" not in vars(cls):
            cls.label = cls.name.rpartition(".")[2]

    def ready(self) -> None:
        for registration in self.registrations:
            self._resolve(registration, call=True)
        if self.api_routers:
            from .api import register_api_router

            for prefix, router in self.api_routers.items():
                register_api_router(prefix, self._resolve(router))
        self.register()

    def register(self) -> None:
        """Registrations that are calls with arguments; an area overrides this when it has any."""

    def _resolve(self, path: str, *, call: bool = False):
        """``"module"`` imports ``<app>.module``; ``"module:name"`` also returns (or, with ``call``, calls) its
        ``name``."""
        module_name, _, attribute = path.partition(":")
        module = import_module(f"{self.name}.{module_name}")
        if not attribute:
            return module
        value = getattr(module, attribute)
        return value() if call else value
