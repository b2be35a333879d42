"""Joint meetings: the list and its Excel export, recording one, its page (units and people,
conclusions, its ledger entry, follow-up tasks), editing it, adding a follow-up task — the shape of
``tracked.TrackedPages``."""

from ..access import access_meeting
from ..actions import do_save_meeting
from ..exports import meetings_response
from ..models import JointMeeting
from ..response_forms import MeetingForm
from .tracked import TrackedPages

MEETINGS = TrackedPages(
    name="meeting", label="联席会议", noun="会议", model=JointMeeting, form=MeetingForm, save=do_save_meeting,
    access=access_meeting,
    fields=("org_unit", "kind", "title", "held_on", "chair", "other_units", "situation", "conclusions", "item"),
    many=("units", "participants"), listed=("org_unit", "chair"), export=meetings_response,
    details=lambda meeting: {"units": meeting.units.all(),
                             "participants": meeting.participants.select_related("org_unit")})
