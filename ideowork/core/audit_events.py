"""The audit event types of core: accounts, sign-in, the organisation tree, security, reviews."""

from .audit import register_audit_events

register_audit_events({
    "core.auth.login": "登录",
    "core.auth.logout": "退出登录",
    "core.auth.fail_login": "登录失败",
    "core.auth.lock_out": "账号被锁定",
    "core.session.time_out": "会话超时退出",
    "core.user.create": "创建用户",
    "core.user.update": "修改用户",
    "core.user.activate": "启用用户",
    "core.user.deactivate": "停用用户",
    "core.user.reset_password": "重置密码",
    "core.user.change_password": "修改本人密码",
    "core.user.import": "批量导入用户",
    "core.org.create": "新建单位",
    "core.org.update": "修改单位",
    "core.org.move": "调整单位隶属",
    "core.org.deactivate": "停用单位",
    "core.org.reactivate": "恢复单位",
    "core.security.unlock": "解除账号锁定",
    "core.review_flow.create": "新建审核流程",
    "core.review_flow.update": "修改审核流程",
    "core.review.submit": "提交审核",
    "core.review.resubmit": "重新提交审核",
    "core.review.approve": "审核通过",
    "core.review.return_author": "退回作者修改",
    "core.review.return_step": "退回上一环节",
    "core.review.withdraw": "撤回审核",
})
