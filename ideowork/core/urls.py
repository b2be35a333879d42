from django.urls import path

from .views import audit, auth, notifications

app_name = "core"

urlpatterns = [
    path("login/", auth.LoginView.as_view(), name="login"),
    path("logout/", auth.LogoutView.as_view(), name="logout"),
    path("account/password/", auth.PasswordChangeView.as_view(), name="password_change"),
    path("notifications/", notifications.notification_list, name="notifications"),
    path("notifications/<int:pk>/open/", notifications.notification_open, name="notification_open"),
    path("notifications/read-all/", notifications.notification_read_all, name="notification_read_all"),
    path("audit/", audit.audit_list, name="audit_list"),
]
