from django.urls import path

from .views import (activation, audit, audit_chain, auth, health, imports, notifications, orgs, reviews, security,
                    twofactor, users)

app_name = "core"

urlpatterns = [
    path("healthz", health.healthz, name="healthz"),  # the load balancer's check: no login, not audited
    path("login/", auth.LoginView.as_view(), name="login"),
    path("logout/", auth.LogoutView.as_view(), name="logout"),
    path("login/verify/", twofactor.login_verify, name="login_verify"),
    path("login/enrol/", twofactor.login_enrol, name="login_enrol"),
    path("account/password/", auth.PasswordChangeView.as_view(), name="password_change"),
    path("account/security/", twofactor.account_security, name="account_security"),
    path("account/security/enrol/", twofactor.account_enrol, name="account_enrol"),
    path("account/security/recovery-codes/", twofactor.account_renew_codes, name="account_renew_codes"),
    path("account/security/disable/", twofactor.account_disable, name="account_disable"),
    path("activate/", activation.activate, name="activate"),
    path("account/pending/", activation.account_pending, name="account_pending"),
    path("notifications/", notifications.notification_list, name="notifications"),
    path("notifications/<int:pk>/open/", notifications.notification_open, name="notification_open"),
    path("notifications/read-all/", notifications.notification_read_all, name="notification_read_all"),
    path("audit/", audit.audit_list, name="audit_list"),
    path("audit/integrity/", audit_chain.audit_integrity, name="audit_integrity"),
    path("audit/integrity/verify/", audit_chain.audit_verify, name="audit_verify"),
    path("audit/archive/", audit_chain.audit_archive, name="audit_archive"),
    # the review workflow (三审三校), used by every area
    path("reviews/", reviews.review_inbox, name="review_inbox"),
    path("reviews/<int:pk>/decide/", reviews.review_decide, name="review_decide"),
    path("reviews/<int:pk>/withdraw/", reviews.review_withdraw, name="review_withdraw"),
    path("reviews/flows/", reviews.review_flows, name="review_flows"),
    path("reviews/flows/new/", reviews.review_flow_create, name="review_flow_create"),
    path("reviews/flows/<int:pk>/edit/", reviews.review_flow_edit, name="review_flow_edit"),
    # 系统管理员: organisation and accounts
    path("system/orgs/", orgs.org_list, name="org_list"),
    path("system/orgs/new/", orgs.org_create, name="org_create"),
    path("system/orgs/<int:pk>/edit/", orgs.org_edit, name="org_edit"),
    path("system/orgs/<int:pk>/deactivate/", orgs.org_set_active, {"active": False}, name="org_deactivate"),
    path("system/orgs/<int:pk>/activate/", orgs.org_set_active, {"active": True}, name="org_activate"),
    path("system/users/", users.user_list, name="user_list"),
    path("system/users/new/", users.user_create, name="user_create"),
    path("system/users/<int:pk>/edit/", users.user_edit, name="user_edit"),
    path("system/users/<int:pk>/deactivate/", users.user_set_active, {"active": False}, name="user_deactivate"),
    path("system/users/<int:pk>/activate/", users.user_set_active, {"active": True}, name="user_activate"),
    path("system/users/<int:pk>/reset-password/", users.user_reset_password, name="user_reset_password"),
    path("system/users/import/", imports.user_import, name="user_import"),
    path("system/users/import/template/", imports.user_import_template, name="user_import_template"),
    # 安全管理员: policy and lockouts
    path("security/", security.security_policy, name="security"),
    path("security/policy/", security.policy_edit, name="security_policy_edit"),
    path("security/accounts/", security.account_roles, name="account_roles"),
    path("security/accounts/<int:pk>/role/", security.account_role_grant, name="account_role_grant"),
    path("security/accounts/grant-requested/", security.account_roles_grant_requested,
         name="account_roles_grant_requested"),
    path("security/resets/", security.activation_confirmations, name="activation_confirmations"),
    path("security/resets/<int:pk>/confirm/", security.activation_decide, {"confirm": True},
         name="activation_confirm"),
    path("security/resets/<int:pk>/void/", security.activation_decide, {"confirm": False}, name="activation_void"),
    path("security/lockouts/", security.lockout_list, name="lockouts"),
    path("security/lockouts/unlock/", security.lockout_unlock, name="lockout_unlock"),
    path("security/two-factor/", twofactor.two_factor_settings, name="two_factor_settings"),
    path("security/two-factor/reset/", twofactor.two_factor_reset, name="two_factor_reset"),
]
