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
    "risks.checklist.update": "修改措施风险评估清单",
    "risks.assessment.create": "登记措施风险评估",
    "risks.assessment.update": "修改措施风险评估",
    "risks.assessment.submit": "提交措施风险评估签批",
    "risks.assessment.sign_off": "措施风险评估签批通过",
    "risks.assessment.refuse": "措施风险评估签批未通过",
    "risks.plan.create": "制定应急预案",
    "risks.plan.revise": "修订应急预案",
    "risks.plan.update": "修改应急预案修订稿",
    "risks.plan.submit": "提交应急预案审批",
    "risks.plan.approve": "应急预案版本批准",
    "risks.plan.refuse": "应急预案版本未获批准",
    "risks.incident.open": "启动应急响应",
    "risks.incident.add_entry": "登记事件处置情况",
    "risks.incident.close": "结束事件处置",
    "risks.drill.create": "登记应急演练",
    "risks.drill.update": "修改应急演练",
    "risks.meeting.create": "登记联席会议",
    "risks.meeting.update": "修改联席会议",
    "risks.task.create": "添加跟踪事项",
    "risks.task.close": "跟踪事项完成",
})

# Reads that matter, recorded by the views with core.audit.record_read.
register_audit_events({
    "risks.register.export": "导出风险隐患台账",
    "risks.evidence.download": "下载风险整改佐证材料",
})
