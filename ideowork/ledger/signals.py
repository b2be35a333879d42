"""The ledger follows changes to targets made in ``plans`` (which cannot import the ledger):
a target whose counting mode or tracked persons change gets its credits rebuilt.

Every change to the ledger's rows also raises the ledger version of the organs it touches, in
the same transaction, so cached figures are never read after it (``ledger/figures.py``); the
credits writer, which works in bulk, raises them itself."""

from django.db.models.signals import m2m_changed, post_save, pre_delete
from django.dispatch import receiver

from ideowork.plans.models import Target

from .actions.credits import rebuild_target_credits
from .figures import bump_ledger, organs_of_activities, organs_of_targets
from .models import Activity, ActivityTarget, Evidence


@receiver(post_save, sender=Target, dispatch_uid="ledger.target_saved")
def target_saved(sender, instance, created, raw=False, **kwargs):
    if raw:
        return
    if created:
        bump_ledger(organs_of_targets([instance.pk]))
    else:
        rebuild_target_credits(instance)  # raises the version too


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


@receiver(pre_delete, sender=Target, dispatch_uid="ledger.target_deleted")
def target_deleted(sender, instance, **kwargs):
    bump_ledger(organs_of_targets([instance.pk]))


@receiver(post_save, sender=Activity, dispatch_uid="ledger.activity_saved")
@receiver(pre_delete, sender=Activity, dispatch_uid="ledger.activity_deleted")
def activity_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        bump_ledger(organs_of_activities([instance.pk]))


@receiver(post_save, sender=ActivityTarget, dispatch_uid="ledger.activity_target_saved")
@receiver(pre_delete, sender=ActivityTarget, dispatch_uid="ledger.activity_target_deleted")
def activity_target_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        bump_ledger(organs_of_activities([instance.activity_id]) | organs_of_targets([instance.target_id]))


@receiver(post_save, sender=Evidence, dispatch_uid="ledger.evidence_saved")
@receiver(pre_delete, sender=Evidence, dispatch_uid="ledger.evidence_deleted")
def evidence_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        bump_ledger(organs_of_activities([instance.activity_id]))


@receiver(m2m_changed, sender=Activity.participants.through, dispatch_uid="ledger.participants_changed")
def participants_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    bump_ledger(organs_of_activities(pk_set or () if reverse else [instance.pk]))
