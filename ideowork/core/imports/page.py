"""The page of an Excel import, the same for people and questions: upload, every row checked, and
the file imported whole or not at all."""

from django.core.exceptions import ValidationError
from django.shortcuts import render

from ..uploads import check_upload

__all__ = ["import_page"]


def import_page(request, form, template: str, columns, *, read, save, done):
    """Show ``template`` with ``form`` until a valid upload; then ``read(uploaded)`` checks every row
    (an ``ImportResult``) and the page lists the file's problems, or ``save(uploaded, rows)`` imports
    them all and ``done(uploaded, saved)`` gives the response. ``save`` refuses with ``ValidationError``
    when something changed meanwhile (nothing is imported); the page lists its messages."""
    context = {"form": form, "columns": [title for _, title, *_ in columns]}
    if request.method == "POST" and form.is_valid():
        uploaded = form.cleaned_data["file"]
        try:
            check_upload(uploaded, allowed={"xlsx"})
            parsed = read(uploaded)
        except ValidationError as exc:
            form.add_error("file", exc)
            return render(request, template, context)
        if parsed.errors:
            context.update(errors=parsed.errors, checked=len(parsed.rows) + len(parsed.errors),
                           filename=uploaded.name)
            return render(request, template, context)
        try:
            saved = save(uploaded, parsed.rows)
        except ValidationError as exc:
            context.update(errors=exc.messages, checked=len(parsed.rows), filename=uploaded.name)
            return render(request, template, context)
        return done(uploaded, saved)
    return render(request, template, context)
