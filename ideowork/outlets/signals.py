"""Signal receivers of the outlets area."""

from django.db.models.signals import post_migrate
from django.dispatch import receiver


@receiver(post_migrate, dispatch_uid="outlets.sync_shipped_proof_rules")
def sync_shipped_proof_rules(sender, app_config=None, using="default", **kwargs) -> None:
    """Every ``migrate`` loads the shipped proofreading rules: new rules arrive with an upgrade, and
    rules the publicity staff edited are kept as they are (see ``do_sync_shipped_rules``)."""
    if app_config is None or app_config.label != "outlets" or using != "default":
        return
    from .actions.proofreading import do_sync_shipped_rules

    do_sync_shipped_rules(None)
