import pytest


@pytest.fixture(scope="module")
def checker():
    """The proofreader with the shipped rules (read from the data files, no database)."""
    from ideowork.outlets.proofreading import Proofreader, shipped_rules

    return Proofreader(shipped_rules())


@pytest.fixture
def empty_rule_table(db):
    """Every ``migrate`` loads the shipped proofreading rules (outlets.signals); tests of the loading,
    import and rule pages start from the empty table a brand-new installation had before it."""
    from ideowork.outlets.models import ProofRule

    ProofRule.objects.all().delete()
