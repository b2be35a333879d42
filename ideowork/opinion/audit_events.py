"""The audit event types of public-opinion monitoring."""

from ideowork.core.audit import register_audit_events

# Monitoring schemes (actions/schemes.py).
register_audit_events({
    "opinion.scheme.create": "新建监测方案",
    "opinion.scheme.update": "修改监测方案",
    "opinion.scheme.enable": "启用监测方案",
    "opinion.scheme.disable": "停用监测方案",
    "opinion.scheme.delete": "删除监测方案",
    "opinion.scheme.backrun": "回溯监测方案",
})

# Intake: sources, arriving items (one event per batch, with its counts), feeds and retention.
register_audit_events({
    "opinion.source.create": "新建信息来源",
    "opinion.source.update": "修改信息来源",
    "opinion.source.deactivate": "停用信息来源",
    "opinion.source.activate": "启用信息来源",
    "opinion.item.ingest": "接收舆情信息",
    "opinion.item.purge_text": "清理过期舆情正文",
})

# Events (actions/events.py, actions/event_edits.py): one event per batch of arriving matches; merges
# and splits by hand. The users' own word lists (actions/lexicon.py).
register_audit_events({
    "opinion.event.cluster": "舆情信息归入事件",
    "opinion.event.merge": "合并舆情事件",
    "opinion.event.split": "拆分舆情事件",
    "opinion.event.rename": "修改舆情事件名称",
    "opinion.lexicon.update": "修改本单位词表",
})

# Warnings (actions/warnings.py, actions/warning_rules.py): rules, recipients, quiet hours, and the
# warnings themselves (raised by a rule or by hand, grown by merging, acknowledged, closed).
register_audit_events({
    "opinion.warning_rule.create": "新建预警规则",
    "opinion.warning_rule.update": "修改预警规则",
    "opinion.warning_rule.enable": "启用预警规则",
    "opinion.warning_rule.disable": "停用预警规则",
    "opinion.warning_rule.delete": "删除预警规则",
    "opinion.warning_recipient.add": "添加预警接收人",
    "opinion.warning_recipient.remove": "移除预警接收人",
    "opinion.warning_settings.update": "修改预警静默时段",
    "opinion.warning.raise": "发布舆情预警",
    "opinion.warning.merge": "合并同类预警",
    "opinion.warning.acknowledge": "确认舆情预警",
    "opinion.warning.close": "关闭舆情预警",
})

# Handling events to closure (actions/handling.py), the daily patrol (actions/patrol.py), the handling
# deadlines (actions/deadlines.py) and the 舆情台账's export (a read).
register_audit_events({
    "opinion.event.judge": "研判舆情事件",
    "opinion.event.dismiss": "研判舆情事件为无需处置",
    "opinion.event.assign": "交办舆情事件",
    "opinion.event.report": "上报舆情事件",
    "opinion.event.respond": "回应舆情事件",
    "opinion.event.joint": "登记联合处置",
    "opinion.event.request_closeout": "申请舆情事件销号",
    "opinion.event.close": "舆情事件销号",
    "opinion.event.closeout_refused": "舆情事件销号未通过",
    "opinion.event.escalate": "舆情事件转为风险",
    "opinion.patrol.record": "登记每日巡查",
    "opinion.deadlines.update": "修改舆情处置时限",
    "opinion.ledger.export": "导出舆情台账",
    "opinion.attachment.download": "下载舆情处置附件",
})

# Briefings (actions/briefings.py), and their Word files sent (views/briefings.py).
register_audit_events({
    "opinion.briefing.generate": "生成舆情简报",
    "opinion.briefing.issue": "签发舆情简报",
    "opinion.briefing.download": "下载舆情简报",
})
