from django.urls import path

from ..views import competitions, matches, quizzes

urlpatterns = [
    path("quizzes/", quizzes.quiz_home, name="quiz_home"),
    path("quizzes/start/<str:kind>/", quizzes.quiz_start, name="quiz_start"),
    path("quizzes/runs/<int:pk>/", quizzes.quiz_run, name="quiz_run"),
    path("quizzes/runs/<int:pk>/question/", quizzes.quiz_question, name="quiz_question"),
    path("quizzes/runs/<int:pk>/answer/", quizzes.quiz_answer, name="quiz_answer"),
    path("quizzes/special/new/", quizzes.special_create, name="special_create"),
    path("quizzes/special/<int:pk>/start/", quizzes.special_start, name="special_start"),
    path("competitions/", competitions.competition_list, name="competition_list"),
    path("competitions/new/", competitions.competition_create, name="competition_create"),
    path("competitions/<int:pk>/", competitions.competition_detail, name="competition_detail"),
    path("competitions/<int:pk>/enter/", competitions.competition_enter, name="competition_enter"),
    path("competitions/<int:pk>/ranking/", competitions.competition_ranking, name="competition_ranking"),
    path("competitions/<int:pk>/close/", competitions.competition_close, name="competition_close"),
    path("matches/", matches.match_lobby, name="match_lobby"),
    path("matches/new/", matches.match_create, name="match_create"),
    path("matches/quick/", matches.match_quick, name="match_quick"),
    path("matches/<int:pk>/", matches.match_detail, name="match_detail"),
    path("matches/<int:pk>/join/", matches.match_join, name="match_join"),
    path("matches/<int:pk>/leave/", matches.match_leave, name="match_leave"),
    path("matches/<int:pk>/poll/", matches.match_poll, name="match_poll"),
    path("matches/<int:pk>/answer/", matches.match_answer, name="match_answer"),
]
