"""The ledger follows changes to targets made in ``plans`` (which cannot import the ledger):
a target whose counting mode or tracked persons change gets its credits rebuilt."""

from django.db.models.signals import m2m_changed, post_save
from django.dispatch import receiver

from ideowork.plans.models import Target

from .actions.credits import rebuild_target_credits


@receiver(post_save, sender=Target, dispatch_uid="ledger.target_saved")
def target_saved(sender, instance, created, raw=False, **kwargs):
    if not created and not raw:
        rebuild_target_credits(instance)


@receiver(m2m_changed, sender=Target.persons.through, dispatch_uid="ledger.target_persons_changed")
def target_persons_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if not reverse:
        rebuild_target_credits(instance)
        return
    # Changed from the user's side: rebuild every target that user was added to or removed from.
    targets = Target.objects.filter(pk__in=pk_set) if pk_set else Target.objects.filter(per="person")
    for target in targets:
        rebuild_target_credits(target)
