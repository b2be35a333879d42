"""Form fields shared by the ledger forms: grouped choices and multiple evidence files."""

from itertools import groupby

from django import forms

from ..actions import check_evidence_files

__all__ = ["MultipleFileInput", "EvidenceFilesField", "group_people"]


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class EvidenceFilesField(forms.FileField):
    """Several files in one input; every one is checked by content and size.

    One bad file fails the whole field with a message naming it.
    """

    widget = MultipleFileInput

    def clean(self, data, initial=None):
        # Django's own per-file checks are replaced by check_upload, whose messages name the file.
        files = [f for f in (data if isinstance(data, (list, tuple)) else [data]) if f]
        if self.required and not files:
            raise forms.ValidationError(self.error_messages["required"], code="required")
        check_evidence_files(files)
        return files


def group_people(users) -> list:
    """Choices of people grouped by unit, for a multi-select with optgroups."""
    return [(unit.display_name, [(u.pk, u.name) for u in members])
            for unit, members in groupby(users, key=lambda u: u.org_unit)]

