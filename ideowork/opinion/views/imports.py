"""导入 on a source: upload an export (JSON lines, CSV or Excel), choose once which column is which
(pre-filled from the headers, or from the mapping remembered on the source), then store the rows
through the ingestion service. Between the two steps the file waits in the media storage under a
random name the session holds; it is removed once imported."""

import secrets

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.storage import default_storage
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from ideowork.core.permissions import capability_required

from ..access import access_source
from ..actions.ingest import do_ingest_items
from ..actions.sources import do_remember_mapping
from ..intake.records import mask_private_numbers
from ..intake.tables import MAPPED_FIELDS, guess_mapping, read_table, records_from

SESSION_KEY = "opinion_import"
SAMPLE_ROWS = 5
ERRORS_SHOWN = 50


class UploadForm(forms.Form):
    file = forms.FileField(label="导出文件", help_text="支持 .csv（UTF-8 或 GB18030 编码）、.jsonl 和 Excel .xlsx；第1行为列名。")


def _mapping_form(columns, initial):
    choices = [("", "（不导入）"), *((c, c) for c in columns)]
    fields = {key: forms.ChoiceField(label=label, choices=choices, required=key == "title", initial=initial.get(key, ""))
              for key, label in MAPPED_FIELDS}
    return type("MappingForm", (forms.Form,), fields)


def _pending(request, source):
    pending = request.session.get(SESSION_KEY)
    if pending and pending.get("source") == source.pk and default_storage.exists(pending["path"]):
        return pending
    return None


def _open(pending):
    handle = default_storage.open(pending["path"], "rb")
    handle.name = pending["name"]
    return handle


@capability_required("opinion.monitor")
@require_http_methods(["GET", "POST"])
def source_import(request, pk):
    source = access_source(request.user, pk, "change")
    pending = _pending(request, source)
    if request.method == "POST" and "file" in request.FILES:
        upload = UploadForm(request.POST, request.FILES)
        if upload.is_valid():
            uploaded = upload.cleaned_data["file"]
            try:
                table = read_table(uploaded)
            except ValidationError as exc:
                upload.add_error("file", exc)
            else:
                uploaded.seek(0)
                path = default_storage.save(f"opinion_imports/{secrets.token_hex(16)}.upload", uploaded)
                _discard(request)
                request.session[SESSION_KEY] = {"source": source.pk, "path": path, "name": table.name}
                return redirect("opinion:source_import", pk=source.pk)
        return render(request, "opinion/source_import.html", {"source": source, "upload": upload})
    if pending is None:
        return render(request, "opinion/source_import.html", {"source": source, "upload": UploadForm()})
    with _open(pending) as handle:
        try:
            table = read_table(handle)
        except ValidationError as exc:
            _discard(request)
            messages.error(request, "；".join(exc.messages))
            return redirect("opinion:source_import", pk=source.pk)
    Mapping = _mapping_form(table.columns, guess_mapping(table.columns, source.column_mapping))
    form = Mapping(request.POST if request.method == "POST" else None)
    if request.method == "POST" and "cancel" in request.POST:
        _discard(request)
        return redirect("opinion:source_detail", pk=source.pk)
    if request.method == "POST" and form.is_valid():
        mapping = {key: column for key, column in form.cleaned_data.items() if column}
        try:
            result = do_ingest_items(request.user, source, records_from(table, mapping), row_numbers=table.row_numbers)
            do_remember_mapping(request.user, source, mapping)
        except (ValueError, PermissionDenied) as exc:
            messages.error(request, str(exc))
            return redirect("opinion:source_detail", pk=source.pk)
        _discard(request)
        errors = sorted(table.broken + result.errors)
        return render(request, "opinion/source_import_done.html", {
            "source": source, "result": result, "name": table.name, "errors": errors[:ERRORS_SHOWN],
            "more_errors": max(0, len(errors) - ERRORS_SHOWN)})
    return render(request, "opinion/source_import.html", {
        "source": source, "form": form, "table": table, "sample": [[mask_private_numbers(row.get(c, "")) for c in table.columns]
                                                                   for row in table.rows[:SAMPLE_ROWS]],
        "remembered": bool(source.column_mapping)})


def _discard(request):
    pending = request.session.pop(SESSION_KEY, None)
    if pending and default_storage.exists(pending["path"]):
        default_storage.delete(pending["path"])
