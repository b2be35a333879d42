from django.apps import AppConfig


class LedgerConfig(AppConfig):
    name = "ideowork.ledger"
    label = "ledger"
    verbose_name = "工作台账"
