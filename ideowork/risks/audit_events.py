"""The audit event types of the risks area."""

from ideowork.core.audit import register_audit_events

register_audit_events({
    "risks.matrix.create": "建立风险矩阵",
    "risks.matrix.update": "修改风险矩阵",
    "risks.risk.create": "登记风险隐患",
    "risks.risk.update": "修改风险隐患",
    "risks.risk.progress": "登记整改进展",
    "risks.risk.request_closeout": "申请风险销号",
    "risks.risk.close": "风险销号",
    "risks.risk.closeout_refused": "风险销号未通过",
    "risks.risk.accept": "风险接受",
    "risks.risk.reopen": "重新打开风险",
})

# Reads that matter, recorded by the views with core.audit.record_read.
register_audit_events({
    "risks.register.export": "导出风险隐患台账",
    "risks.evidence.download": "下载风险整改佐证材料",
})
