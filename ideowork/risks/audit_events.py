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
    "risks.risk.closeout_returned": "风险销号申请退回",
    "risks.campaign.open": "发起风险隐患排查",
    "risks.campaign.remind": "提醒未报送单位",
    "risks.campaign.close": "结束风险隐患排查",
    "risks.return.submit": "报送排查发现的风险",
    "risks.return.submit_nil": "报送无风险报告",
    "risks.schedule.save": "设置定期风险排查",
    "risks.guidance.send": "下发风险防控指导意见",
    "risks.guidance.read": "阅读风险防控指导意见",
    "risks.upward.report": "向上级报告风险情况",
    "risks.upward.read": "阅读下级报告",
    "risks.upward.acknowledge": "确认下级报告",
})

# Reads that matter, recorded by the views with core.audit.record_read.
register_audit_events({
    "risks.register.export": "导出风险隐患台账",
    "risks.evidence.download": "下载风险整改佐证材料",
    "risks.guidance.download": "下载指导意见附件",
})
