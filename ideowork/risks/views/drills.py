"""Drills: the list and its Excel export, recording one, its page (the drill, its ledger entry,
improvement items), editing it, adding an improvement item — the shape of ``tracked.TrackedPages``."""

from ..access import access_drill
from ..actions import do_save_drill
from ..exports import drills_response
from ..models import Drill
from ..response_forms import DrillForm
from .tracked import TrackedPages

DRILLS = TrackedPages(
    name="drill", label="应急演练", noun="演练", model=Drill, form=DrillForm, save=do_save_drill, access=access_drill,
    fields=("org_unit", "title", "scenario", "held_on", "plan", "other_participants", "evaluation", "item"),
    many=("participants",), listed=("org_unit", "plan_version__plan"), export=drills_response,
    details=lambda drill: {"participants": drill.participants.select_related("org_unit")})
