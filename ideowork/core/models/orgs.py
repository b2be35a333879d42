"""The organisation tree: organs, their sections, and the county bureaus under them."""

from django.db import models

from ..choices import OrgKind

__all__ = ["OrgUnit"]

PATH_STEP = 6  # digits per level in the materialised path


class OrgUnitQuerySet(models.QuerySet):
    def subtree(self, unit: "OrgUnit"):
        """Units at or below ``unit``."""
        return self.filter(path__startswith=unit.path)

    def in_tree_order(self) -> list["OrgUnit"]:
        """The units as a depth-first list, siblings ordered by ``sort_order`` then creation.

        ``path`` orders by creation, not by the order an administrator set; this walks the tree.
        A unit whose parent is not in the queryset is treated as a root.
        """
        units = list(self)
        ids = {u.pk for u in units}
        children: dict[int | None, list] = {}
        for unit in units:
            children.setdefault(unit.parent_id if unit.parent_id in ids else None, []).append(unit)
        ordered: list = []

        def walk(parent_id):
            for unit in sorted(children.get(parent_id, []), key=lambda u: (u.sort_order, u.pk)):
                ordered.append(unit)
                walk(unit.pk)

        walk(None)
        return ordered

    def visible_to(self, user):
        """Org units a user may see: the subtree of their scope root; everything for the sysadmin."""
        if not user.is_authenticated:
            return self.none()
        if user.is_sysadmin:
            return self.all()
        root = user.scope_root
        if root is None:
            return self.none()
        return self.subtree(root)


class OrgUnit(models.Model):
    """A node in the organisation tree.

    ``path`` is a materialised path ("000001.000004.") so that "everything under this unit" is a
    single indexed prefix filter; ``organ`` is the nearest organ or county bureau at or above this
    unit, which is the unit whose programme a section works on.
    """

    name = models.CharField("名称", max_length=100)
    short_name = models.CharField("简称", max_length=40, blank=True)
    kind = models.CharField("类型", max_length=16, choices=OrgKind.choices, default=OrgKind.SECTION)
    parent = models.ForeignKey(
        "self", verbose_name="上级单位", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    organ = models.ForeignKey(
        "self", verbose_name="所属机关", null=True, blank=True, on_delete=models.PROTECT, related_name="+",
        editable=False,
    )
    code = models.CharField("单位代码", max_length=32, blank=True)
    sort_order = models.PositiveIntegerField("排序", default=0)
    path = models.CharField("路径", max_length=255, db_index=True, editable=False, default="")
    depth = models.PositiveSmallIntegerField("层级", default=0, editable=False)
    is_active = models.BooleanField("启用", default=True)

    objects = OrgUnitQuerySet.as_manager()

    class Meta:
        verbose_name = verbose_name_plural = "单位"
        ordering = ["path"]
        constraints = [
            models.UniqueConstraint(
                fields=["parent", "name"], name="orgunit_unique_name_per_parent",
                violation_error_message="同一上级单位下已有同名单位。",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def display_name(self) -> str:
        return self.short_name or self.name

    @property
    def is_organ(self) -> bool:
        return self.kind in (OrgKind.ORGAN, OrgKind.COUNTY)

    def save(self, *args, **kwargs):
        creating = self.pk is None
        if creating:
            super().save(*args, **kwargs)
            kwargs = {k: v for k, v in kwargs.items() if k not in ("force_insert",)}
        old_path = self.path
        self._compute_tree_fields()
        super().save(*args, **kwargs)
        if not creating and old_path and old_path != self.path:
            for child in self.children.all():
                child.save()

    def _compute_tree_fields(self) -> None:
        own = f"{self.pk:0{PATH_STEP}d}."
        if self.parent_id:
            parent = self.parent
            self.path = parent.path + own
            self.depth = parent.depth + 1
            self.organ = self if self.is_organ else parent.organ
        else:
            self.path = own
            self.depth = 0
            self.organ = self
        if self.organ is self:
            self.organ_id = self.pk

    def is_within(self, other: "OrgUnit") -> bool:
        """True when this unit is ``other`` or below it."""
        return self.path.startswith(other.path)

    def ancestors(self):
        ids = [int(p) for p in self.path.split(".") if p]
        return OrgUnit.objects.filter(pk__in=ids).order_by("depth")
