"""The form that asks for a briefing: its kind, its day, and for a special report the event."""

from django import forms
from django.utils import timezone

from ..choices import BriefingKind
from .sources import DATE

__all__ = ["BriefingGenerateForm"]


class BriefingGenerateForm(forms.Form):
    kind = forms.ChoiceField(label="简报类型", choices=BriefingKind.choices, initial=BriefingKind.DAILY)
    day = forms.DateField(label="日期", widget=DATE,
                          help_text="日报为该日；周报为该日所在的一周（周一至周日）；专报截至该日。")
    event = forms.TypedChoiceField(label="专报事件", required=False, coerce=int, empty_value=None,
                                   help_text="仅专报选择。")

    def __init__(self, *args, events=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["day"].initial = timezone.localdate()
        self.fields["event"].choices = [("", "（日报、周报不选）"),
                                        *((e.pk, f"{e.title}（{e.get_status_display()}）") for e in events)]
