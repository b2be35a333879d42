"""The audit event types of the ledger."""

from ideowork.core.audit import register_audit_events

register_audit_events({
    "ledger.activity.create": "登记活动",
    "ledger.activity.update": "修改活动",
    "ledger.activity.delete": "删除活动",
    "ledger.evidence.add": "上传佐证材料",
    "ledger.evidence.remove": "删除佐证材料",
})

# Reads that matter (exports and downloads), recorded by the views with core.audit.record_read.
register_audit_events({
    "ledger.activity.export": "导出工作台账",
    "ledger.evidence.download": "下载佐证材料",
})
