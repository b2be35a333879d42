"""The WSGI entry point warms the proofreader's dictionary and starts even when that fails."""

import importlib

import django.core.wsgi
import pytest

import ideowork.wsgi
from ideowork.outlets.proofreading.checks import doubled


@pytest.fixture
def start_server(monkeypatch):
    """Run ideowork/wsgi.py again as a server start would (without setting Django up a second time)."""
    app, real = object(), ideowork.wsgi.application
    monkeypatch.setattr(django.core.wsgi, "get_wsgi_application", lambda: app)

    def start():
        module = importlib.reload(ideowork.wsgi)
        assert module.application is app
        return module
    yield start
    ideowork.wsgi.application = real


def test_the_server_start_loads_the_proofreaders_dictionary(monkeypatch, start_server):
    calls = []
    monkeypatch.setattr(doubled, "_tokenizer", lambda: calls.append("warm"))
    start_server()
    assert calls == ["warm"]


def test_a_failing_warm_up_never_prevents_startup(monkeypatch, start_server, caplog):
    def broken():
        raise OSError("jieba 词典缓存不可写")

    monkeypatch.setattr(doubled, "_tokenizer", broken)
    start_server()
    assert "Could not preload the proofreader's dictionary" in caplog.text and "词典缓存不可写" in caplog.text


def test_the_real_tokenizer_is_ready_after_the_start(start_server):
    doubled._tokenizer.cache_clear()
    start_server()
    assert doubled._tokenizer.cache_info().currsize == 1
