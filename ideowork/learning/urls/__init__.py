"""The learning area's pages, one URL module per part (all in the ``learning`` namespace)."""

from . import exams, home, materials, points, questions, quizzes, reflections, sessions, youth

app_name = "learning"

urlpatterns = [
    *home.urlpatterns,
    *sessions.urlpatterns,
    *reflections.urlpatterns,
    *materials.urlpatterns,
    *questions.urlpatterns,
    *exams.urlpatterns,
    *quizzes.urlpatterns,
    *points.urlpatterns,
    *youth.urlpatterns,
]
