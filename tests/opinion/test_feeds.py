"""Feeds: a conditional GET with a deadline and a size cap, parsed and ingested by the periodic task,
each source's error state kept — against a local HTTP server in a thread."""

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from ideowork.core.system import system_actor
from ideowork.opinion.actions.feeds import do_poll_feed, due_feed_sources
from ideowork.opinion.models import Item
from ideowork.opinion.tasks import poll_feeds

from .factories import register_source

pytestmark = pytest.mark.django_db

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>市融媒体</title>
<item><title>城东区启动背街小巷整治</title><link>https://news.example.cn/a1</link>
<description>&lt;p&gt;整治涉及&lt;b&gt;32条&lt;/b&gt;背街小巷，联系人电话13812345678。&lt;/p&gt;</description>
<author>reporter@example.cn (记者甲)</author><pubDate>Tue, 01 Dec 2026 08:00:00 +0800</pubDate></item>
<item><title>高新区新增公交线路</title><link>https://news.example.cn/a2</link><description>方便园区职工通勤</description></item>
</channel></rss>"""
ATOM = """<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>县政府</title>
<entry><title>甲县召开防汛工作会议</title><link href="https://gov.example.cn/b1"/><updated>2026-12-02T09:00:00+08:00</updated>
<content type="html">部署&lt;em&gt;冬春&lt;/em&gt;水利工作</content></entry></feed>"""


class Handler(BaseHTTPRequestHandler):
    routes: dict = {}
    requests: list = []

    def do_GET(self):  # noqa: N802
        Handler.requests.append(dict(self.headers))
        behaviour = Handler.routes.get(self.path, ("404",))
        kind = behaviour[0]
        if kind == "feed":
            if self.headers.get("If-None-Match") == '"v1"':
                self.send_response(304)
                self.end_headers()
                return
            body = behaviour[1].encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml; charset=utf-8")
            self.send_header("ETag", '"v1"')
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        elif kind == "hang":
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.end_headers()
            self.wfile.write(b"<rss>")
            self.wfile.flush()
            behaviour[1].wait(10)
        elif kind == "huge":
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.end_headers()
            try:
                for _ in range(200):
                    self.wfile.write(b"<!-- " + b"x" * 65536 + b" -->")
            except OSError:
                pass
        else:
            self.send_response(404)
            self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    Handler.routes, Handler.requests = {}, []
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    for behaviour in Handler.routes.values():
        if behaviour[0] == "hang":
            behaviour[1].set()
    httpd.shutdown()
    httpd.server_close()


def feed_source(org, url, name="市融媒体"):
    return register_source(org, name=name, kind="feed", feed_url=url)


def test_a_good_feed_is_ingested_and_a_304_brings_nothing_new(org, server):
    Handler.routes["/rss"] = ("feed", RSS)
    source = feed_source(org, f"{server}/rss")
    outcome = do_poll_feed(system_actor(), source)
    assert outcome == {"created": 2, "duplicates": 0, "errors": 0, "not_modified": False}
    item = Item.objects.get(url="https://news.example.cn/a1")
    assert item.text == "整治涉及 32条 背街小巷，联系人电话138****5678。"
    assert item.published_at.isoformat() == "2026-12-01T00:00:00+00:00" and "记者甲" not in repr(item.__dict__)
    source.refresh_from_db()
    assert source.etag == '"v1"' and source.succeeded_at and not source.last_error
    assert do_poll_feed(system_actor(), source)["not_modified"] is True
    assert Handler.requests[-1].get("If-None-Match") == '"v1"'
    assert Item.objects.count() == 2


def test_an_atom_feed_reads_its_html_content(org, server):
    Handler.routes["/atom"] = ("feed", ATOM)
    do_poll_feed(system_actor(), feed_source(org, f"{server}/atom"))
    assert Item.objects.get().text == "部署 冬春 水利工作"


def test_a_malformed_feed_is_a_chinese_error_kept_on_the_source(org, server, login):
    Handler.routes["/bad"] = ("feed", "<rss><channel><item><title>未闭合")
    source = feed_source(org, f"{server}/bad")
    outcome = do_poll_feed(system_actor(), source)
    assert "不是有效的RSS/Atom" in outcome["error"]
    do_poll_feed(system_actor(), source)
    source.refresh_from_db()
    assert source.failures == 2 and "RSS/Atom" in source.last_error and source.succeeded_at is None
    page = login(org.staff).get(f"/opinion/sources/{source.pk}/").content.decode()
    assert "连续失败" in page and "不是有效的RSS/Atom" in page
    assert not Item.objects.exists()


def test_a_hanging_server_is_cut_off_at_the_timeout(org, server, settings):
    settings.OPINION_FEED_TIMEOUT = 0.5
    Handler.routes["/hang"] = ("hang", threading.Event())
    source = feed_source(org, f"{server}/hang")
    started = time.monotonic()
    outcome = do_poll_feed(system_actor(), source)
    assert "超时" in outcome["error"]
    assert time.monotonic() - started < 8   # cut off, not waited out (the server would hang 10 s)


def test_a_huge_response_is_refused(org, server, settings):
    settings.OPINION_FEED_MAX_BYTES = 256 * 1024
    Handler.routes["/huge"] = ("huge",)
    outcome = do_poll_feed(system_actor(), feed_source(org, f"{server}/huge"))
    assert "过大" in outcome["error"]


def test_an_unreachable_or_missing_feed_is_an_error_too(org, server):
    assert "404" in do_poll_feed(system_actor(), feed_source(org, f"{server}/none"))["error"]


def test_the_periodic_task_polls_only_due_active_feeds(org, server, travel):
    travel("2026-12-03T10:00+08:00")
    Handler.routes["/rss"] = ("feed", RSS)
    source = feed_source(org, f"{server}/rss")
    register_source(org, name="导入来源")
    assert poll_feeds.call_local() == {"polled": 1, "failed": 0}
    assert due_feed_sources() == []
    travel.shift(__import__("datetime").timedelta(minutes=31))
    assert [s.pk for s in due_feed_sources()] == [source.pk]
