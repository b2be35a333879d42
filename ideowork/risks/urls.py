"""The risks area's pages (namespace ``risks``)."""

from django.urls import path

from .views import (assessments, campaigns, drills, followups, incidents, matrix, meetings, plans, register, reports,
                    risks)

app_name = "risks"

urlpatterns = [
    path("", register.register, name="register"),
    path("export/", register.register_export, name="register_export"),
    path("heatmap/", register.heatmap, name="heatmap"),
    path("as-of/", register.as_of, name="asof"),
    path("matrix/", matrix.matrix_edit, name="matrix"),
    path("new/", risks.risk_create, name="create"),
    path("<int:pk>/", risks.risk_detail, name="detail"),
    path("<int:pk>/edit/", risks.risk_edit, name="edit"),
    path("<int:pk>/progress/", risks.risk_progress, name="progress"),
    path("<int:pk>/closeout/", risks.risk_closeout, name="closeout"),
    path("<int:pk>/accept/", risks.risk_accept, name="accept"),
    path("<int:pk>/reopen/", risks.risk_reopen, name="reopen"),
    path("evidence/<int:pk>/", risks.evidence_download, name="evidence_download"),
    # assessments of proposed measures
    path("assessments/", assessments.assessment_list, name="assessments"),
    path("assessments/new/", assessments.assessment_create, name="assessment_create"),
    path("assessments/checklist/", assessments.checklist_edit, name="checklist"),
    path("assessments/<int:pk>/", assessments.assessment_detail, name="assessment"),
    path("assessments/<int:pk>/submit/", assessments.assessment_submit, name="assessment_submit"),
    path("assessments/<int:pk>/risk/", assessments.assessment_risk, name="assessment_risk"),
    # emergency plans and incidents
    path("plans/", plans.plan_list, name="plans"),
    path("plans/new/", plans.plan_create, name="plan_create"),
    path("plans/<int:pk>/", plans.plan_detail, name="plan"),
    path("plans/<int:pk>/revise/", plans.plan_revise, name="plan_revise"),
    path("plans/<int:pk>/incident/", incidents.incident_open, name="incident_open"),
    path("plans/versions/<int:pk>/", plans.version_detail, name="plan_version"),
    path("plans/versions/<int:pk>/edit/", plans.version_edit, name="plan_version_edit"),
    path("plans/versions/<int:pk>/submit/", plans.version_submit, name="plan_version_submit"),
    path("incidents/", incidents.incident_list, name="incidents"),
    path("incidents/<int:pk>/", incidents.incident_detail, name="incident"),
    path("incidents/<int:pk>/entry/", incidents.incident_entry, name="incident_entry"),
    path("incidents/<int:pk>/close/", incidents.incident_close, name="incident_close"),
    # drills and joint meetings, with their follow-up tasks
    *drills.DRILLS.urls(),
    *meetings.MEETINGS.urls(),
    path("tasks/<int:pk>/close/", followups.task_close, name="task_close"),
    # screening campaigns (排查活动) and the units' returns
    path("campaigns/", campaigns.campaign_list, name="campaigns"),
    path("campaigns/new/", campaigns.campaign_create, name="campaign_create"),
    path("campaigns/schedule/", campaigns.campaign_schedule, name="campaign_schedule"),
    path("campaigns/<int:pk>/", campaigns.campaign_detail, name="campaign_detail"),
    path("campaigns/<int:pk>/remind/", campaigns.campaign_remind, name="campaign_remind"),
    path("campaigns/<int:pk>/close/", campaigns.campaign_close, name="campaign_close"),
    path("campaigns/returns/<int:pk>/", campaigns.return_detail, name="return_detail"),
    path("campaigns/returns/<int:pk>/risk/", campaigns.return_risk, name="return_risk"),
    path("campaigns/returns/<int:pk>/nil/", campaigns.return_nil, name="return_nil"),
    # reaching down (指导意见) and reporting up (苗头性问题、信息报送)
    path("guidance/", reports.guidance_list, name="guidance_list"),
    path("guidance/new/", reports.guidance_create, name="guidance_create"),
    path("guidance/<int:pk>/", reports.guidance_detail, name="guidance_detail"),
    path("guidance/files/<int:pk>/", reports.guidance_file, name="guidance_file"),
    path("upward/", reports.upward_list, name="upward_list"),
    path("upward/new/", reports.upward_create, name="upward_create"),
    path("upward/<int:pk>/", reports.upward_detail, name="upward_detail"),
    path("upward/<int:pk>/acknowledge/", reports.upward_acknowledge, name="upward_acknowledge"),
]
