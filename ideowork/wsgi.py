import logging
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ideowork.settings")
application = get_wsgi_application()


def _warm_proofreader() -> None:
    """Load the proofreader's word segmentation dictionary (jieba, ~1 s) now, at server start, so the
    first review page does not wait for it. A failure here must never stop the server: the
    dictionary is then loaded on first use, as before."""
    try:
        from ideowork.outlets.proofreading.checks import doubled

        doubled._tokenizer()
    except Exception:  # noqa: BLE001 - warming is optional, startup is not
        logging.getLogger(__name__).warning("Could not preload the proofreader's dictionary", exc_info=True)


_warm_proofreader()
