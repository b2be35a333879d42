"""Records for the access walk (tests/test_access.py): a city event judged and responded to with a file,
so its handling page, every handling action and the file's download are walked with every role."""

from ideowork.opinion.actions.handling import do_judge_event, do_respond_event
from ideowork.opinion.models import HandlingStep
from ideowork.opinion.views.handling import ACTIONS
from tests.ledger.files import photo

from .handling_builders import make_event

EVENT_PAGES = ["opinion:event_handling", *(f"opinion:event_{name}" for name in ACTIONS)]
CITY_RECORD_PAGES = {*EVENT_PAGES, "opinion:handling_attachment"}


def objects(org) -> dict:
    event = make_event(org.city, title="市委编办（检查用）舆情事件")
    do_judge_event(org.staff, event, grade="2")
    do_respond_event(org.staff, event, text="已回应。", files=[photo()])
    attachment = HandlingStep.objects.get(event=event, kind="respond").attachments.get()
    return {**{name: event.pk for name in EVENT_PAGES}, "opinion:handling_attachment": attachment.pk}
