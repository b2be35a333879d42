from django.urls import path

from ..views import sessions as views

urlpatterns = [
    path("sessions/", views.session_list, name="session_list"),
    path("sessions/new/", views.session_create, name="session_create"),
    path("sessions/<int:pk>/", views.session_detail, name="session_detail"),
    path("sessions/<int:pk>/edit/", views.session_edit, name="session_edit"),
    path("sessions/<int:pk>/screen/", views.session_screen, name="session_screen"),
    path("sessions/<int:pk>/screen/count/", views.session_screen_count, name="session_screen_count"),
    path("sessions/<int:pk>/leave/", views.session_leave, name="session_leave"),
    path("sessions/<int:pk>/leave/decide/", views.session_leave_decide, name="session_leave_decide"),
    path("sessions/<int:pk>/close/", views.session_close, name="session_close"),
    path("sessions/<int:pk>/code/", views.session_new_code, name="session_new_code"),
    path("sessions/<int:pk>/mark/", views.session_mark, name="session_mark"),
    path("sessions/<int:pk>/minutes/", views.session_minutes, name="session_minutes"),
    path("sessions/<int:pk>/materials/", views.session_material, name="session_material"),
    path("sessions/<int:pk>/speeches/", views.session_speech, name="session_speech"),
    path("sessions/<int:pk>/makeup/", views.session_makeup, name="session_makeup"),
    path("sessions/<int:pk>/makeup/confirm/", views.session_makeup_confirm, name="session_makeup_confirm"),
    path("sessions/materials/<int:pk>/", views.material_download, name="session_material_download"),
    path("sessions/makeups/<int:pk>/file/", views.makeup_download, name="session_makeup_download"),
    path("sign-in/", views.sign_in, name="sign_in"),
    path("groups/", views.group_list, name="group_list"),
    path("groups/new/", views.group_create, name="group_create"),
    path("groups/<int:pk>/", views.group_detail, name="group_detail"),
    path("groups/<int:pk>/edit/", views.group_edit, name="group_edit"),
]
