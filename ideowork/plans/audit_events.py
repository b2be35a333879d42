"""The audit event types of plans."""

from ideowork.core.audit import register_audit_events

register_audit_events({
    "plans.plan.import": "导入工作要点",
    "plans.item.update": "修改要点条目",
    "plans.item.assign": "分解责任",
    "plans.target.add": "新增量化指标",
    "plans.target.update": "修改量化指标",
    "plans.target.delete": "删除量化指标",
})

# Reads that matter (exports), recorded by the views with core.audit.record_read.
register_audit_events({
    "plans.responsibility.export": "导出责任清单",
})
