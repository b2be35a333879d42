"""The pages of a record kept with follow-up tasks and one ledger entry — a drill, a joint meeting: the
list and its Excel export, recording one, editing it, its page, adding a task. They differ only in what
``TrackedPages`` names, so each area of the two declares that and takes the views from it."""

from collections.abc import Callable
from dataclasses import dataclass

from django.shortcuts import render
from django.urls import path, reverse, reverse_lazy
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from ideowork.core.access import can
from ideowork.core.audit import record_read
from ideowork.core.idempotency import idempotent
from ideowork.core.permissions import capability_required

from .followups import add_task, task_panel
from .pages import list_page, record_form
from .register import manager_required

__all__ = ["TrackedPages"]


@dataclass(frozen=True)
class TrackedPages:
    name: str  # the URL names' stem: "drill" → risks:drills, risks:drill, risks:drill_edit …
    label: str  # the list's name: 应急演练
    noun: str  # one record: 演练
    model: type
    form: type
    save: Callable  # the service: save(actor, record=None, **data)
    access: Callable
    fields: tuple[str, ...]  # the form's fields read from the record when editing
    many: tuple[str, ...]  # its many-to-many fields
    listed: tuple[str, ...]  # select_related of the list and the export
    export: Callable  # export(records, today) -> the workbook response
    details: Callable  # details(record) -> the page's extra context

    @property
    def crumbs(self):
        return [(reverse_lazy(f"risks:{self.name}s"), self.label)]

    def _records(self, request):
        return self.model.objects.visible_to(request.user).select_related(*self.listed)

    def views(self) -> dict:
        """The view functions, by name: list, export, create, edit, detail, task."""

        @manager_required
        def list_view(request):
            return list_page(request, self._records(request), f"risks/{self.name}s.html")

        @manager_required
        def export_view(request):
            record_read(request, f"risks.{self.name}.export", subject_repr=f"{self.label}台账")
            return self.export(self._records(request), timezone.localdate())

        @capability_required("risks.manage")
        @require_http_methods(["GET", "POST"])
        @idempotent
        def create_view(request):
            form = self.form(request.POST or None, user=request.user, initial={"org_unit": request.user.org_unit})
            return record_form(request, form, lambda data: self.save(request.user, **data),
                               f"已登记{self.noun}，并记入工作台账。", title=f"登记{self.label}", crumbs=self.crumbs,
                               cancel_url=reverse(f"risks:{self.name}s"), idempotent=True, submit="登记")

        @capability_required("risks.manage")
        @require_http_methods(["GET", "POST"])
        def edit_view(request, pk):
            record = self.access(request.user, pk, "change")
            initial = {name: getattr(record, name) for name in self.fields} | {
                name: list(getattr(record, name).all()) for name in self.many}
            form = self.form(request.POST or None, user=request.user, initial=initial)
            return record_form(request, form, lambda data: self.save(request.user, record, **data),
                               "已保存修改，台账同步更新。", title=f"修改{self.noun}记录",
                               crumbs=[*self.crumbs, (record.get_absolute_url(), record.title)],
                               cancel_url=record.get_absolute_url())

        @manager_required
        def detail_view(request, pk):
            record = self.access(request.user, pk)
            return render(request, f"risks/{self.name}.html", {
                self.name: record, "can_edit": can(request.user, "change", record), **self.details(record),
                **task_panel(request, record)})

        @capability_required("risks.manage")
        @require_POST
        def task_view(request, pk):
            return add_task(request, self.access(request.user, pk, "change"))

        return {"list": list_view, "export": export_view, "create": create_view, "edit": edit_view,
                "detail": detail_view, "task": task_view}

    def urls(self) -> list:
        """risks:<name>s (the list), <name>s_export, <name>_create, <name>, <name>_edit, <name>_task."""
        views, stem = self.views(), self.name
        return [path(f"{stem}s/", views["list"], name=f"{stem}s"),
                path(f"{stem}s/export/", views["export"], name=f"{stem}s_export"),
                path(f"{stem}s/new/", views["create"], name=f"{stem}_create"),
                path(f"{stem}s/<int:pk>/", views["detail"], name=stem),
                path(f"{stem}s/<int:pk>/edit/", views["edit"], name=f"{stem}_edit"),
                path(f"{stem}s/<int:pk>/task/", views["task"], name=f"{stem}_task")]
