"""Sending warnings: e-mail through Django's mail backend, webhooks in the JSON that 政务钉钉 and 企业微信
robots accept (to a local server in a thread), failures recorded and retried a bounded number of
times, nothing sent twice, and quiet hours that hold e-mail and webhooks (not 特别重大) until they end."""

import base64
import hashlib
import hmac
import json
import threading
from datetime import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, quote_plus, urlsplit

import pytest
from django.core import mail

from ideowork.opinion.actions.deliveries import BACKOFF, MAX_ATTEMPTS, deliver, deliver_due
from ideowork.opinion.actions.warning_rules import do_add_warning_recipient, do_update_warning_settings
from ideowork.opinion.choices import DeliveryState
from ideowork.opinion.models import Delivery, Warning
from ideowork.opinion.webhooks import check_webhook_url, mask_webhook_url, message, signed_url
from tests.conftest import moment

from .warning_builders import arrive, city_watch, grade_rule

pytestmark = pytest.mark.django_db


class Robot(BaseHTTPRequestHandler):
    """A robot gateway: records each message; ``answer`` is what it says (errcode), or "hang"/"500"."""

    received: list = []
    answer = {"errcode": 0, "errmsg": "ok"}
    release = threading.Event()

    def do_POST(self):  # noqa: N802
        body = self.rfile.read(int(self.headers["Content-Length"]))
        Robot.received.append({"path": self.path, "body": json.loads(body), "type": self.headers["Content-Type"]})
        if Robot.answer == "hang":
            Robot.release.wait(10)
            return
        if Robot.answer == "500":
            self.send_response(500)
            self.end_headers()
            return
        data = json.dumps(Robot.answer).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


@pytest.fixture
def robot():
    Robot.received, Robot.answer, Robot.release = [], {"errcode": 0, "errmsg": "ok"}, threading.Event()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Robot)
    httpd.daemon_threads = True
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    Robot.release.set()
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def send(django_capture_on_commit_callbacks):
    """``send(source, title, …)``: an item arrives, and what its commit queues is sent (the queue runs
    tasks at once in tests)."""
    def arrive_and_send(*args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return arrive(*args, **kwargs)
    return arrive_and_send


@pytest.fixture
def watched(org, robot, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.OPINION_WEBHOOK_TIMEOUT = 0.5
    org.staff.email = "staff@bianban.example.gov.cn"
    org.staff.save(update_fields=["email"])
    source, scheme = city_watch(org)
    do_add_warning_recipient(org.staff, scheme, webhook_kind="dingtalk", label="舆情工作群",
                             webhook_url=f"{robot}/robot/send?access_token=0123456789abcdef", webhook_secret="SECabc")
    do_add_warning_recipient(org.staff, scheme, webhook_kind="wecom",
                             webhook_url=f"{robot}/cgi-bin/webhook/send?key=wecom-key-987654321")
    grade_rule(org, scheme, channels=["inapp", "email", "webhook"])
    return source, scheme


@pytest.mark.clock("2026-12-03T10:05")
def test_a_warning_goes_by_email_and_to_both_robots_in_their_json(org, watched, send):
    source, _ = watched
    send(source, "城管执法冲突视频", grade="3")
    warning = Warning.objects.get()
    states = dict(Delivery.objects.values_list("channel", "state").order_by("channel"))
    assert set(Delivery.objects.values_list("state", flat=True)) == {DeliveryState.SENT}, states
    assert [m.to for m in mail.outbox] == [["staff@bianban.example.gov.cn"]]
    assert mail.outbox[0].subject == "【舆情预警·重大】" + warning.title
    assert f"/opinion/warnings/{warning.pk}/" in mail.outbox[0].body
    ding, wecom = sorted(Robot.received, key=lambda r: r["path"].startswith("/cgi-bin"))
    assert ding["body"]["msgtype"] == "markdown" and set(ding["body"]["markdown"]) == {"title", "text"}
    query = parse_qs(urlsplit(ding["path"]).query)
    assert query["access_token"] == ["0123456789abcdef"] and {"timestamp", "sign"} <= set(query)
    assert wecom["body"]["msgtype"] == "markdown" and "城管执法冲突视频" in wecom["body"]["markdown"]["content"]
    assert ding["type"].startswith("application/json")
    shown = Delivery.objects.get(channel="webhook", recipient__webhook_kind="dingtalk").target
    assert "0123456789abcdef" not in shown and "0123****cdef" in shown


@pytest.mark.clock("2026-12-03T10:05")
def test_a_failing_gateway_is_retried_a_bounded_number_of_times_and_recorded(org, watched, send, travel):
    Robot.answer = {"errcode": 310000, "errmsg": "sign not match"}
    source, _ = watched
    send(source, "城管执法冲突视频", grade="3")
    ding = Delivery.objects.get(channel="webhook", recipient__webhook_kind="dingtalk")
    assert (ding.state, ding.attempts) == (DeliveryState.RETRYING, 1)
    assert ding.last_error == "机器人网关拒绝了消息（错误码310000：sign not match）。"
    assert deliver_due()["sent"] == 0  # not due yet
    for backoff in BACKOFF:
        travel.shift(backoff)
        deliver_due()
    ding.refresh_from_db()
    assert (ding.state, ding.attempts, ding.next_attempt_at) == (DeliveryState.FAILED, MAX_ATTEMPTS, None)
    assert len([r for r in Robot.received if "access_token" in r["path"]]) == MAX_ATTEMPTS
    assert deliver(ding.pk) == DeliveryState.FAILED and len(Robot.received) == 2 * MAX_ATTEMPTS


@pytest.mark.clock("2026-12-03T10:05")
def test_a_gateway_that_hangs_or_errs_is_cut_off_and_a_sent_delivery_is_never_sent_again(org, watched, send):
    Robot.answer = "hang"
    source, _ = watched
    send(source, "城管执法冲突视频", grade="3")
    ding = Delivery.objects.get(channel="webhook", recipient__webhook_kind="dingtalk")
    assert ding.state == DeliveryState.RETRYING and "0.5秒内没有响应" in ding.last_error
    Robot.release.set()
    Robot.answer = "500"
    Delivery.objects.filter(pk=ding.pk).update(next_attempt_at=None)
    assert deliver(ding.pk) == DeliveryState.RETRYING
    ding.refresh_from_db()
    assert ding.last_error == "机器人网关返回HTTP 500。"
    email = Delivery.objects.get(channel="email")
    assert email.state == DeliveryState.SENT and deliver(email.pk) == DeliveryState.SENT
    assert len(mail.outbox) == 1


@pytest.mark.clock("2026-12-03T23:10")
def test_quiet_hours_hold_email_and_webhooks_until_they_end_but_not_in_app(org, watched, send, travel):
    source, _ = watched
    send(source, "城管执法冲突视频", grade="3")
    states = dict(Delivery.objects.values_list("channel", "state").distinct())
    assert states == {"inapp": DeliveryState.SENT, "email": DeliveryState.HELD, "webhook": DeliveryState.HELD}
    assert not mail.outbox and not Robot.received
    held = Delivery.objects.filter(state=DeliveryState.HELD).first()
    assert held.next_attempt_at == moment("2026-12-04T07:00")
    travel("2026-12-04T06:59")
    assert deliver_due() == {"released": 0, "sent": 0, "failed": 0}
    travel("2026-12-04T07:00:30")
    assert deliver_due() == {"released": 3, "sent": 3, "failed": 0}
    assert len(mail.outbox) == 1 and len(Robot.received) == 2


@pytest.mark.clock("2026-12-03T23:10")
def test_the_gravest_warnings_ignore_quiet_hours_and_a_merge_to_grave_releases_what_was_held(org, watched, send):
    source, _ = watched
    send(source, "城管执法冲突视频", grade="3")
    assert Delivery.objects.filter(state=DeliveryState.HELD).count() == 3
    send(source, "城管执法冲突致人受伤", grade="4")
    assert Warning.objects.get().grade == "4"
    assert set(Delivery.objects.values_list("state", flat=True)) == {DeliveryState.SENT}
    assert len(mail.outbox) == 1 and len(Robot.received) == 2


@pytest.mark.clock("2026-12-03T23:10")
def test_a_unit_without_quiet_hours_sends_at_night(org, watched, send):
    do_update_warning_settings(org.staff, org.city, quiet_enabled=False, quiet_start=time(22), quiet_end=time(7))
    source, _ = watched
    send(source, "城管执法冲突视频", grade="3")
    assert set(Delivery.objects.values_list("state", flat=True)) == {DeliveryState.SENT}


def test_webhook_addresses_are_checked_and_shown_masked():
    assert check_webhook_url(" https://oapi.dingtalk.com/robot/send?access_token=abc ") == \
        "https://oapi.dingtalk.com/robot/send?access_token=abc"
    for bad, says in [("ftp://x/robot", "https://"), ("https:///send", "主机名"),
                      ("https://u:p@gw.example/send", "用户名或密码"), ("https://gw.example/a b", "空格")]:
        with pytest.raises(ValueError, match=says):
            check_webhook_url(bad)
    assert mask_webhook_url("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa") \
        == "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a****5aaa"
    assert mask_webhook_url("https://gw.example.gov.cn/hooks/0123456789abcdef") == "https://gw.example.gov.cn/hooks/0123****cdef"


def test_the_messages_are_the_gateways_shapes_and_the_signature_is_dingtalks():
    assert message("dingtalk", "标题", ["一", "二"], markdown=False) == {"msgtype": "text", "text": {"content": "标题\n一\n二"}}
    assert message("wecom", "标题", ["一"]) == {"msgtype": "markdown", "markdown": {"content": "### 标题\n\n一"}}
    assert message("dingtalk", "标题", ["一"])["markdown"] == {"title": "标题", "text": "### 标题\n\n一"}
    # DingTalk's documented example: HmacSHA256("1577262236757\nSEC…") in base64, URL-encoded
    url = signed_url("https://oapi.dingtalk.com/robot/send?access_token=x", "SECxxx", now_ms=1577262236757)
    assert url.startswith("https://oapi.dingtalk.com/robot/send?access_token=x&timestamp=1577262236757&sign=")
    digest = hmac.new(b"SECxxx", b"1577262236757\nSECxxx", hashlib.sha256).digest()
    assert url.rsplit("sign=", 1)[1] == quote_plus(base64.b64encode(digest))
