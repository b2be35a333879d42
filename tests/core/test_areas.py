"""Every app registers with core through ``AreaConfig``: what it declares is what the registries hold."""

import pytest
from django.apps import apps

from ideowork.core import capabilities, menu
from ideowork.core.api.registry import registered_routers
from ideowork.core.areas import AreaConfig


def ideowork_configs():
    return [config for config in apps.get_app_configs() if config.name.startswith("ideowork.")]


def test_every_area_is_an_area_config_named_after_its_package():
    configs = ideowork_configs()
    assert {config.label for config in configs} >= {"core", "plans", "ledger", "learning", "outlets", "opinion",
                                                     "risks", "reports", "demo"}
    for config in configs:
        assert isinstance(config, AreaConfig)
        assert type(config).__module__ == f"{config.name}.apps"
        assert config.label == type(config).label == config.name.rpartition(".")[2]


def test_the_base_is_never_taken_for_an_app_config():
    assert AreaConfig.default is False
    assert all(type(config).default is True for config in ideowork_configs())


def test_declared_registrations_reach_the_registries():
    assert {"learning", "outlets", "risks", "opinion"} <= set(menu._sections)
    assert {"learning.manage", "outlets.publish", "plans.edit", "ledger.record"} <= set(capabilities._registry)
    prefixes = {prefix for prefix, _ in registered_routers()}
    assert {"", "plans", "opinion"} <= prefixes


def test_a_registration_names_a_module_or_a_function_in_it():
    config = apps.get_app_config("plans")
    assert config._resolve("api:router") is dict(registered_routers())["plans"]
    assert config._resolve("navigation").__name__ == "ideowork.plans.navigation"
    with pytest.raises(AttributeError):
        config._resolve("api:no_such_router")
