"""舆情简报: generating a unit's daily, weekly and special briefing from its matched items and events,
what it says and the items behind each statement, the Word document's structure, issuing, scoping,
the periodic run and the dashboard's opinion card."""

import io
import re
from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone
from docx import Document
from PIL import Image

from ideowork.core.models import AuditEvent, Notification
from ideowork.opinion.actions.briefings import do_generate_briefing, do_issue_briefing, generate_periodic_briefings
from ideowork.opinion.briefing_figures import basis_matches
from ideowork.opinion.models import Briefing

from .briefing_builders import Watch, make_event

pytestmark = pytest.mark.django_db
ITEM_LINK = re.compile(r'href="/opinion/items/\d+/"')


@pytest.fixture
def watched(org):
    """The city's and county A's watch: today the city has 3 negative, 2 neutral and 1 positive items (one
    of them an event handled by county A, overdue), yesterday 2; county A has 2 items of its own; county
    B 1 (which the city sees and county A does not)."""
    now = timezone.now()
    city, county_a, county_b = Watch(org.city), Watch(org.county_a, "甲县舆情"), Watch(org.county_b, "乙县舆情")
    today = [city.item(sentiment=s) for s in ["negative"] * 3 + ["neutral"] * 2 + ["positive"]]
    for _ in range(2):
        city.item(sentiment="neutral", arrived_at=now - timedelta(days=1))
    a_items = [county_a.item(sentiment="negative") for _ in range(2)]
    county_b.item(sentiment="neutral")
    event = make_event(org.city, today[:3], grade="3", status="handling", assigned=org.county_a,
                       deadline=now - timedelta(hours=2))
    county_event = make_event(org.county_a, a_items, title="甲县窗口排长队", grade="1", status="judging")
    return {"city": city, "today": today, "event": event, "county_event": county_event}


def test_a_daily_briefing_counts_each_item_once_and_says_where_its_figures_come_from(org, watched):
    briefing = do_generate_briefing(org.staff, org.city, "daily", timezone.localdate())
    figures = briefing.figures
    # City 6 + county A 2 + county B 1 today; yesterday's 2 are the previous period.
    assert figures["totals"]["total"] == 9 and figures["previous"] == 2
    assert figures["totals"]["negative"] == 5 and figures["totals"]["positive"] == 1
    assert (briefing.number, briefing.year, briefing.status) == (1, timezone.localdate().year, "draft")
    assert briefing.title.endswith("舆情监测日报")
    assert len(figures["days"]) == 7 and figures["days"][-1]["total"] == 9
    texts = [s["text"] for s in figures["statements"]]
    assert any("舆情信息9条" in t and "较上期增加7条" in t for t in texts)
    assert any("负面信息5条，占55.6%" in t for t in texts)
    # The key events, the gravest first, with their sources.
    assert [e["title"] for e in figures["events"]] == ["编办咨询电话变更", "甲县窗口排长队"]
    assert figures["events"][0]["sources"] and figures["events"][0]["assigned"] == "甲县委编办"
    assert figures["handling"]["open"] == 2 and figures["handling"]["overdue"] == [watched["event"].pk]
    assert any("逾期未办结1件" in t for t in texts)
    # Every statement with a count has a basis that selects exactly that many items.
    for statement in figures["statements"]:
        if statement["basis"]:
            found = basis_matches(org.city, statement["basis"]).values("item_id").distinct().count()
            assert found == statement["count"], statement["text"]
    event = AuditEvent.objects.get(event_type="opinion.briefing.generate")
    assert event.new["items"] == 9 and event.actor_id == org.staff.pk


def test_a_county_briefing_holds_its_own_subtree_only(org, watched):
    briefing = do_generate_briefing(org.county_staff, org.county_a, "daily", timezone.localdate())
    assert briefing.figures["totals"]["total"] == 2
    assert [e["title"] for e in briefing.figures["events"]] == ["甲县窗口排长队"]
    assert briefing.figures["handling"]["open"] == 1


def test_generating_again_refreshes_a_draft_and_is_refused_once_issued(org, watched):
    day = timezone.localdate()
    first = do_generate_briefing(org.staff, org.city, "daily", day)
    old_name = first.document.name
    watched["city"].item(sentiment="negative")
    again = do_generate_briefing(org.staff, org.city, "daily", day)
    assert again.pk == first.pk and again.number == 1 and again.figures["totals"]["total"] == 10
    assert again.document.name != old_name
    weekly = do_generate_briefing(org.staff, org.city, "weekly", day)
    assert weekly.number == 1 and weekly.period_start.weekday() == 0 and (weekly.period_end - weekly.period_start).days == 6

    do_issue_briefing(org.principal, again)
    again.refresh_from_db()
    assert again.issued and again.issued_by == org.principal
    assert Notification.objects.filter(recipient=org.staff, url=reverse("opinion:briefing_detail", args=[again.pk])).exists()
    with pytest.raises(ValidationError, match="已签发，不能重新生成"):
        do_generate_briefing(org.staff, org.city, "daily", day)
    with pytest.raises(ValidationError, match="已于"):
        do_issue_briefing(org.principal, again)
    again.refresh_from_db()
    assert again.figures["totals"]["total"] == 10 and Briefing.objects.count() == 2
    # Another day's briefing takes the year's next number (on 1 January the day before opens last year's).
    previous = day - timedelta(days=1)
    assert do_generate_briefing(org.staff, org.city, "daily", previous).number == (2 if previous.year == day.year else 1)


def test_who_may_generate_and_issue(org, watched):
    day = timezone.localdate()
    for outsider in (org.county_staff, org.cadre, org.supervisor, org.gov_staff, org.sysadmin):
        with pytest.raises(PermissionDenied):
            do_generate_briefing(outsider, org.city, "daily", day)
    briefing = do_generate_briefing(org.county_staff, org.county_a, "daily", day)
    # The city sees the county's briefing but issues only its own organ's.
    with pytest.raises(PermissionDenied):
        do_issue_briefing(org.principal, briefing)
    with pytest.raises(ValidationError):
        do_generate_briefing(org.staff, org.city, "daily", day + timedelta(days=1))
    assert not Briefing.objects.filter(org_unit=org.city).exists()


def test_a_special_report_is_about_one_event_of_the_unit(org, watched):
    day = timezone.localdate()
    with pytest.raises(ValidationError):
        do_generate_briefing(org.staff, org.city, "special", day)
    report = do_generate_briefing(org.staff, org.city, "special", day, event=watched["event"])
    assert report.event == watched["event"] and report.title == "关于“编办咨询电话变更”舆情的专报"
    assert report.figures["totals"]["total"] == 3 and [e["id"] for e in report.figures["events"]] == [watched["event"].pk]
    with pytest.raises(ValidationError):   # county A may not report on the city's event
        do_generate_briefing(org.county_staff, org.county_a, "special", day, event=watched["event"])


def test_the_word_document_has_the_usual_layout_charts_and_tables(org, watched):
    briefing = do_generate_briefing(org.staff, org.city, "daily", timezone.localdate())
    with briefing.document.open("rb") as handle:
        document = Document(io.BytesIO(handle.read()))
    texts = [p.text for p in document.paragraphs]
    assert texts[0] == "舆情日报" and "第1期" in texts
    assert any(t.startswith("市委编办编\t") for t in texts)  # editing unit and date above the red rule
    assert briefing.title in texts
    headings = [t for t in texts if t in ("一、总体情况", "二、重点事件", "三、处置情况", "四、工作建议")]
    assert headings == ["一、总体情况", "二、重点事件", "三、处置情况", "四、工作建议"]
    assert "（一）编办咨询电话变更" in texts
    assert any(t.startswith("图1") for t in texts) and any(t.startswith("图2") for t in texts)
    images = [rel.target_part for rel in document.part.rels.values() if rel.reltype.endswith("/image")]
    assert len(images) == 2 and all(part.blob.startswith(b"\x89PNG") for part in images)
    assert [Image.open(io.BytesIO(part.blob)).size for part in images] == [(1200, 600)] * 2
    # The chart paragraphs are not clipped by the body's exact line pitch.
    for paragraph in document.paragraphs:
        if paragraph._p.xpath(".//pic:pic"):
            assert paragraph.paragraph_format.line_spacing is None
    tables = document.tables
    assert [c.text for c in tables[0].rows[0].cells] == ["媒体/账号", "级别", "标题", "发布时间"]
    assert [c.text for c in tables[-1].rows[0].cells] == ["事件", "等级", "状态", "处置单位", "处置时限"]
    assert "处置中（逾期）" in [c.text for c in tables[-1].rows[1].cells]


def test_the_web_view_links_every_statement_to_its_items(org, watched, login):
    briefing = do_generate_briefing(org.staff, org.city, "daily", timezone.localdate())
    client = login(org.staff)
    page = client.get(reverse("opinion:briefing_detail", args=[briefing.pk])).content.decode()
    linked = [n for n, s in enumerate(briefing.figures["statements"]) if s["basis"]]
    for n in linked:
        assert reverse("opinion:briefing_basis", args=[briefing.pk]) + f"?s={n}" in page
    negative = next(n for n, s in enumerate(briefing.figures["statements"]) if s["basis"]
                    and s["basis"].get("sentiment") == "negative")
    basis = client.get(reverse("opinion:briefing_basis", args=[briefing.pk]), {"s": negative}).content.decode()
    assert len(ITEM_LINK.findall(basis)) == 5
    day = client.get(reverse("opinion:briefing_basis", args=[briefing.pk]), {"s": 0, "day": timezone.localdate().isoformat()})
    assert day.status_code == 200 and len(ITEM_LINK.findall(day.content.decode())) == 9
    assert client.get(reverse("opinion:briefing_basis", args=[briefing.pk]), {"s": 999}).status_code == 404
    assert client.get(reverse("opinion:briefing_basis", args=[briefing.pk]), {"day": "2001-01-01"}).status_code == 404
    # The county's staff does not see the city's briefing, nor its items through it.
    assert login(org.county_staff).get(reverse("opinion:briefing_basis", args=[briefing.pk])).status_code == 404


def test_pages_generate_download_and_issue(org, watched, login):
    client = login(org.staff)
    assert "生成简报" in client.get(reverse("opinion:briefing_list")).content.decode()
    response = client.post(reverse("opinion:briefing_generate"),
                           {"kind": "daily", "day": timezone.localdate().isoformat(), "event": ""})
    briefing = Briefing.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("opinion:briefing_detail", args=[briefing.pk])
    refused = client.post(reverse("opinion:briefing_generate"), {"kind": "special", "day": timezone.localdate().isoformat()})
    assert refused.status_code == 400 and "专报须选择一个舆情事件" in refused.content.decode()
    download = client.get(reverse("opinion:briefing_download", args=[briefing.pk]))
    assert download.status_code == 200 and b"".join(download.streaming_content).startswith(b"PK")
    assert AuditEvent.objects.filter(event_type="opinion.briefing.download", subject_id=str(briefing.pk)).exists()
    client.post(reverse("opinion:briefing_issue", args=[briefing.pk]))
    briefing.refresh_from_db()
    assert briefing.issued
    assert login(org.cadre).get(reverse("opinion:briefing_list")).status_code == 403


def test_the_queue_makes_each_watching_units_briefing(org, watched):
    day = timezone.localdate() - timedelta(days=1)
    assert generate_periodic_briefings("daily", day) == {"generated": 3, "skipped": 0}
    assert set(Briefing.objects.values_list("org_unit", flat=True)) == {org.city.pk, org.county_a.pk, org.county_b.pk}
    city = Briefing.objects.get(org_unit=org.city)
    assert city.created_by.username != org.staff.username and city.figures["totals"]["total"] == 2
    assert Notification.objects.filter(recipient=org.staff, title__contains="待核对签发").exists()
    do_issue_briefing(org.principal, city)
    assert generate_periodic_briefings("daily", day) == {"generated": 2, "skipped": 1}


def test_the_dashboard_card_shows_todays_items_and_events_in_hand(org, watched, rf):
    from ideowork.opinion.panels import opinion_card

    request = rf.get("/")
    request.user = org.principal
    html = opinion_card(request, None)
    assert 'data-testid="today-items">9<' in html
    assert 'data-testid="negative-share"' in html and ">56%<" in html
    assert 'data-testid="open-events">2<' in html and 'data-testid="overdue-events">1<' in html
    assert "重大 1" in html and "一般 1" in html
    # A new item counts on the next read: the ingest raises the version the card is cached under.
    from ideowork.opinion.actions.ingest import do_ingest_items

    from .factories import record
    watched["city"].scheme.refresh_from_db()
    do_ingest_items(org.staff, watched["city"].source, [{**record(77), "title": "编办第77条动态"}])
    assert 'data-testid="today-items">10<' in opinion_card(request, None)
    request.user = org.cadre
    assert opinion_card(request, None) is None


def _card(rf, user):
    from ideowork.opinion.panels import opinion_card

    request = rf.get("/")
    request.user = user
    return opinion_card(request, None)


def _kpi(html, testid) -> int:
    return int(re.search(rf'data-testid="{testid}">(\d+)<', html).group(1))


def test_every_write_to_an_event_shows_on_the_cards_next_read(org, watched, rf):
    from ideowork.opinion.actions.event_edits import do_merge_events, do_split_event
    from ideowork.opinion.actions.handling import do_dismiss_event, do_judge_event

    from .briefing_builders import make_event

    other = make_event(org.city, [watched["city"].item(sentiment="negative")], title="编办热线", grade="1")
    html = _card(rf, org.principal)
    assert (_kpi(html, "open-events"), _kpi(html, "overdue-events")) == (3, 1) and "一般 2" in html
    assert _card(rf, org.principal) == html
    # Handling: 研判 (一般 → 较大), then 无需处置.
    do_judge_event(org.county_staff, watched["county_event"], grade="2", reason="群众反映集中")
    html = _card(rf, org.principal)
    assert "一般 1" in html and "较大 1" in html and _kpi(html, "open-events") == 3
    do_dismiss_event(org.county_staff, watched["county_event"], reason="经核实为正常排队")
    assert _kpi(_card(rf, org.principal), "open-events") == 2
    # A merge and a split.
    do_merge_events(org.staff, watched["event"], [other.pk])
    assert _kpi(_card(rf, org.principal), "open-events") == 1
    do_split_event(org.staff, watched["event"], [watched["today"][0].pk], title="拆出的事件")
    assert _kpi(_card(rf, org.principal), "open-events") == 2


def test_an_event_crossing_its_deadline_shows_as_overdue_without_any_write(org, watched, rf, travel):
    from ideowork.core.models import DataVersion
    from ideowork.opinion.actions.handling import do_assign_event, do_judge_event

    now = travel(timezone.now())
    do_judge_event(org.county_staff, watched["county_event"], grade="1")
    do_assign_event(org.county_staff, watched["county_event"], unit=org.county_a, deadline=now + timedelta(hours=1))
    assert _kpi(_card(rf, org.principal), "overdue-events") == 1
    versions = list(DataVersion.objects.values_list("topic", "organ_id", "version"))
    travel.shift(timedelta(minutes=59))
    assert _kpi(_card(rf, org.principal), "overdue-events") == 1
    travel.shift(timedelta(minutes=2))
    assert _kpi(_card(rf, org.principal), "overdue-events") == 2
    assert list(DataVersion.objects.values_list("topic", "organ_id", "version")) == versions


def test_the_cached_card_costs_two_queries_of_its_own(org, watched, rf):
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    _card(rf, org.principal)   # the reader's unit is read once, then held on the user
    cache.clear()
    with CaptureQueriesContext(connection) as cold:
        _card(rf, org.principal)
    with CaptureQueriesContext(connection) as cached:
        html = _card(rf, org.principal)
    # Cached: the versions of the items and the events (one query) and the latest briefing; computed: also
    # today's items and the events in hand (one aggregate each). Rendered alone, the card's template also
    # counts the reader's unread notifications (a context processor the dashboard page runs anyway).
    assert (len(cold), len(cached)) == (5, 3)
    assert _kpi(html, "open-events") == 2
