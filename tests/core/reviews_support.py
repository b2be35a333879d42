"""Review subjects for the workflow's tests: the test-only ``reviewapp.Memo`` (no area's model), and
an outlets article for the browser test that needs a subject's page."""

from ideowork.core.actions.reviews import do_decide
from ideowork.core.models.reviews import ReviewStage, StageStatus
from tests.reviewapp.models import Memo


def make_content(unit, author, *, title="关于加强机关宣传阵地管理的通报", body="各科室：现将有关情况通报如下。", owner=None):
    return Memo.objects.create(org_unit=unit, author=author, title=title, body=body, owner=owner)


def make_article(unit, author, *, title="关于加强机关宣传阵地管理的通报", body="各科室：现将有关情况通报如下。"):
    from ideowork.outlets.models import ContentItem, ContentVersion
    from ideowork.outlets.models.content import version_digest

    item = ContentItem.objects.create(org_unit=unit, author=author, title=title)
    ContentVersion.objects.create(item=item, number=1, title=title, body=body, digest=version_digest(title, body),
                                  created_by=author)
    return item


def revise(item, body: str):
    """A new version of ``item``, as an area's editor makes one."""
    if isinstance(item, Memo):
        item.body, item.version = body, item.version + 1
        item.save(update_fields=["body", "version"])
        return item
    from ideowork.outlets.models import ContentVersion
    from ideowork.outlets.models.content import version_digest

    number = item.current_version + 1
    ContentVersion.objects.create(item=item, number=number, title=item.title, body=body,
                                  digest=version_digest(item.title, body), created_by=item.author)
    item.current_version = number
    item.save(update_fields=["current_version"])
    return item


def stage(review, name) -> ReviewStage:
    return review.stages.get(name=name)


def approve(user, review, **extra):
    review.refresh_from_db()
    active = review.stages.get(status=StageStatus.ACTIVE)
    return do_decide(user, review, stage_id=active.pk, version=review.version, decision="approve", **extra)


def approve_through(org, review, upto: str):
    """Approve the default flow's stages in order up to and including ``upto``."""
    deciders = {"一校": org.staff, "初审": org.section_chief, "二校": org.staff, "复审": org.deputy,
                "三校": org.staff, "终审": org.principal}
    for name, user in deciders.items():
        approve(user, review)
        if name == upto:
            break
    review.refresh_from_db()
    return review
