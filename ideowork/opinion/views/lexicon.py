"""本单位词表: a unit's own domain words and sensitive-topic words, laid over the shipped lexicon
(``actions/lexicon.py`` saves them and puts them in force on every worker)."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from ideowork.core.forms.errors import add_service_errors
from ideowork.core.models import OrgUnit
from ideowork.core.permissions import capability_required

from ..actions.lexicon import can_edit_word_lists, do_save_word_lists
from ..analysis import Lexicon
from ..forms.events import WordListsForm
from ..models import WordLists
from ..models.lexicon import LIST_FIELDS

MONITOR = "opinion.monitor"


def _unit(request) -> OrgUnit:
    """The unit asked for (``?unit=``) among those the user sees, else their own scope's root."""
    units = OrgUnit.objects.visible_to(request.user).filter(is_active=True)
    wanted = request.GET.get("unit") or ""
    return (units.filter(pk=int(wanted)).first() if wanted.isdigit() else None) or request.user.scope_root


@capability_required(MONITOR)
@require_http_methods(["GET", "POST"])
def word_lists(request):
    unit = _unit(request)
    own = WordLists.objects.visible_to(request.user).filter(org_unit=unit).first()
    editable = can_edit_word_lists(request.user, unit)
    initial = {name: getattr(own, name) for name, *_ in LIST_FIELDS} if own else {}
    form = WordListsForm(request.POST or None, initial=initial)
    if request.method == "POST" and editable and form.is_valid():
        try:
            do_save_word_lists(request.user, unit, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, f"“{unit.display_name}”的词表已保存，对新接收的信息立即生效。")
            return redirect(f"{request.path}?unit={unit.pk}")
    elif request.method == "POST":
        messages.error(request, f"您无权修改“{unit.display_name}”的词表。")
    above = [int(pk) for pk in unit.path.split(".") if pk and int(pk) != unit.pk]
    inherited = WordLists.objects.visible_to(request.user).filter(org_unit_id__in=above).select_related("org_unit")
    shipped = Lexicon.default()
    return render(request, "opinion/word_lists.html", {
        "form": form, "unit": unit, "editable": editable, "own": own, "inherited": inherited,
        "units": OrgUnit.objects.visible_to(request.user).filter(is_active=True).order_by("path"),
        "shipped": {"sentiment": len(shipped.sentiment), "modifiers": len(shipped.modifiers),
                    "sensitive": len(shipped.sensitive)}})
