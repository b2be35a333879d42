"""Put a content item into a review state directly, for tests about what follows from that state.

An item's state is read from its last review, so the state is a ``Review`` row, as the workflow
would leave it (tests of the workflow itself go through ``do_submit_content`` and ``do_decide``).
"""

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from ideowork.core.models.reviews import Review


def in_review_state(content, status: str):
    Review.objects.filter(subject_type=ContentType.objects.get_for_model(content), subject_id=content.pk).delete()
    Review.objects.create(org_unit=content.org_unit, subject_type=ContentType.objects.get_for_model(content),
                          subject_id=content.pk, title=content.title, author=content.author, flow_name="测试",
                          status=status, version=content.current_version, version_digest="", submitted_at=timezone.now())
    return content
