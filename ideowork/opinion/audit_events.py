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

# Briefings (actions/briefings.py), and their Word files sent (views/briefings.py).
register_audit_events({
    "opinion.briefing.generate": "生成舆情简报",
    "opinion.briefing.issue": "签发舆情简报",
    "opinion.briefing.download": "下载舆情简报",
})
