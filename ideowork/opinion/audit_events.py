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
    "opinion.event.assign": "舆情信息归入事件",
    "opinion.event.merge": "合并舆情事件",
    "opinion.event.split": "拆分舆情事件",
    "opinion.lexicon.update": "修改本单位词表",
})
