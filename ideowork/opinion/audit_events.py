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
