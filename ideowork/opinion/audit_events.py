"""The audit event types of opinion monitoring."""

from ideowork.core.audit import register_audit_events

# Intake: sources, arriving items (one event per batch, with its counts), feeds and retention.
register_audit_events({
    "opinion.source.create": "新建信息来源",
    "opinion.source.update": "修改信息来源",
    "opinion.source.deactivate": "停用信息来源",
    "opinion.source.activate": "启用信息来源",
    "opinion.item.ingest": "接收舆情信息",
    "opinion.item.purge_text": "清理过期舆情正文",
})
