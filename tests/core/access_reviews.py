"""Records for the access walk (tests/test_access.py): a city-office article under review and a city flow."""

from ideowork.core.actions.reviews import do_save_flow, do_submit_for_review
from ideowork.core.choices import Role
from ideowork.core.models.reviews import StepKind

from .reviews_support import make_content

CITY_RECORD_PAGES = {"core:review_decide", "core:review_withdraw", "core:review_flow_edit"}


def objects(org) -> dict:
    flow = do_save_flow(org.staff, None, org_unit=org.city, name="访问测试流程",
                        steps=[{"name": "校对", "kind": StepKind.PROOFREAD, "role": Role.STAFF},
                               {"name": "审核", "kind": StepKind.REVIEW, "role": Role.HEAD}])
    review = do_submit_for_review(org.cadre, make_content(org.office, org.cadre, title="访问测试稿件"))
    return {"core:review_decide": review.pk, "core:review_withdraw": review.pk, "core:review_flow_edit": flow.pk}
