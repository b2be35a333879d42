from django.urls import path

from ..views import youth

urlpatterns = [
    path("youth/", youth.youth_home, name="youth_home"),
    path("youth/pairs/new/", youth.pair_create, name="pair_create"),
    path("youth/pairs/<int:pk>/", youth.pair_detail, name="pair_detail"),
    path("youth/pairs/<int:pk>/end/", youth.pair_end, name="pair_end"),
    path("youth/contests/new/", youth.contest_create, name="contest_create"),
    path("youth/contests/<int:pk>/", youth.contest_detail, name="contest_detail"),
    path("youth/contests/<int:pk>/edit/", youth.contest_edit, name="contest_edit"),
    path("youth/contests/<int:pk>/submit/", youth.essay_submit, name="essay_submit"),
    path("youth/contests/<int:pk>/judge/", youth.contest_judge, name="contest_judge"),
    path("youth/contests/<int:pk>/publish/", youth.contest_publish, name="contest_publish"),
    path("youth/entries/<int:pk>/score/", youth.entry_score, name="entry_score"),
    path("youth/entries/<int:pk>/file/", youth.entry_file, name="entry_file"),
]
