"""Settings come from environment variables with safe defaults.

DATABASE_URL   PostgreSQL (or any dj-database-url URL); SQLite in var/ when unset.
REDIS_URL      Huey and the cache on Redis; Huey on SQLite in var/ and a per-process memory cache when unset.
IDEOWORK_SECRET_KEY, IDEOWORK_DEBUG, IDEOWORK_ALLOWED_HOSTS, IDEOWORK_VAR_DIR,
IDEOWORK_SESSION_IDLE_SECONDS, IDEOWORK_UPLOAD_MAX_MB, IDEOWORK_DOCUMENT_MAX_* (what an upload may
expand to, see below).
IDEOWORK_AUDIT_KEY or IDEOWORK_AUDIT_KEY_FILE  the key of the audit trail's HMAC chain, kept outside the
               database (see docs/architecture.md, "Audit trail"); without either, a machine-local key
               file var/audit_key is made once (production names its own file, deploy/ideowork.env.example).
IDEOWORK_AUDIT_RETENTION_DAYS  how long audit events are kept at least (180 days or more).
Production (HTTPS, proxy, backups, file locations): the operations block at the end, and
deploy/ideowork.env.example.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("IDEOWORK_VAR_DIR", BASE_DIR / "var"))
VAR_DIR.mkdir(parents=True, exist_ok=True)


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


SECRET_KEY = os.environ.get("IDEOWORK_SECRET_KEY", "")
DEBUG = env_bool("IDEOWORK_DEBUG", False)
if not SECRET_KEY:
    # A machine-local key, generated once, so that a fresh install is never left with a known key.
    key_file = VAR_DIR / "secret_key"
    if not key_file.exists():
        import secrets

        key_file.write_text(secrets.token_urlsafe(50))
        key_file.chmod(0o600)
    SECRET_KEY = key_file.read_text().strip()

ALLOWED_HOSTS = os.environ.get("IDEOWORK_ALLOWED_HOSTS", "127.0.0.1,localhost").split(",")

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "huey.contrib.djhuey",
    "ideowork.core",
    "ideowork.plans",
    "ideowork.ledger",
    "ideowork.learning",
    "ideowork.outlets",
    "ideowork.opinion",
    "ideowork.risks",
    "ideowork.reports",
    "ideowork.demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "ideowork.core.middleware.RequestContextMiddleware",
    "ideowork.core.api.gateway.ApiGatewayMiddleware",
    "ideowork.core.middleware.IdleTimeoutMiddleware",
    "ideowork.core.lifecycle.AccountLifecycleMiddleware",
    "ideowork.core.middleware.NoStoreMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "ideowork.urls"
WSGI_APPLICATION = "ideowork.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "ideowork" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "ideowork.core.context_processors.navigation",
            ],
        },
    }
]

# --- database -------------------------------------------------------------------------------
if os.environ.get("DATABASE_URL"):
    DATABASES = {"default": dj_database_url.parse(os.environ["DATABASE_URL"], conn_max_age=60)}
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": VAR_DIR / "ideowork.sqlite3",
            "OPTIONS": {
                # WAL lets readers work while a writer commits; IMMEDIATE avoids lock upgrades
                # failing half-way through a write transaction. A writer waits up to 20 s for the lock:
                # on an exam morning's spike 5 s was exceeded on a busy machine (500s, bench/exam_spike.py).
                # A 64 MB page cache per connection (SQLite's default is 2 MB): with a million opinion
                # items the unique keys' indexes no longer fit 2 MB and ingestion fell to a quarter
                # (bench/opinion_ingest.py --stored 1000000).
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=20000; "
                                "PRAGMA cache_size=-65536;",
                "transaction_mode": "IMMEDIATE",
            },
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- cache (cached figures, see core/caching.py) ---------------------------------------------
if os.environ.get("REDIS_URL"):
    # Short timeouts: a cache that cannot answer is skipped (core/caching.py), never waited on.
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                          "LOCATION": os.environ["REDIS_URL"], "KEY_PREFIX": "ideowork",
                          "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5}}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache",
                          "LOCATION": "ideowork", "OPTIONS": {"MAX_ENTRIES": 5000}}}

# --- task queue -----------------------------------------------------------------------------
if os.environ.get("REDIS_URL"):
    HUEY = {
        "huey_class": "huey.RedisHuey",
        "name": "ideowork",
        "url": os.environ["REDIS_URL"],
        "immediate": False,
    }
else:
    HUEY = {
        "huey_class": "huey.SqliteHuey",
        "name": "ideowork",
        "filename": str(VAR_DIR / "huey.sqlite3"),
        "immediate": False,
    }
HUEY["consumer"] = {"workers": 2, "worker_type": "thread", "periodic": True}

# --- authentication and sessions --------------------------------------------------------------
AUTH_USER_MODEL = "core.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "ideowork.core.hashers.IdeoworkArgon2PasswordHasher",  # OWASP argon2id m=19 MiB t=2 p=1 (core/hashers.py)
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "ideowork.core.passwords.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "ideowork.core.passwords.ComplexityValidator"},
    {"NAME": "ideowork.core.passwords.HistoryValidator"},
]
LOGIN_URL = "core:login"
LOGIN_REDIRECT_URL = "reports:home"
LOGOUT_REDIRECT_URL = "core:login"

SESSION_IDLE_SECONDS = int(os.environ.get("IDEOWORK_SESSION_IDLE_SECONDS", 30 * 60))
# Database sessions; a sign-in writes its new session once, with its data (core/session_store.py).
SESSION_ENGINE = "ideowork.core.session_store"
SESSION_COOKIE_AGE = 12 * 3600  # absolute limit; the idle limit is enforced by middleware
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = env_bool("IDEOWORK_SECURE_COOKIES", False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE

AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("IDEOWORK_LOCKOUT_MINUTES", 15)))
AXES_LOCKOUT_PARAMETERS = ["username"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "ideowork.core.views.auth.lockout_response"
AXES_VERBOSE = False
# The issue asks for lockout per username: an attacker rotating addresses still hits the same account
# limit, and colleagues behind one NAT address do not lock each other out.
SILENCED_SYSTEM_CHECKS = ["axes.W006"]
AXES_ENABLE_ACCESS_FAILURE_LOG = True
# Successful sign-ins and sign-outs are in the audit trail (core.auth.login / logout, chained); axes'
# own access log would be a second, unchained copy written on every sign-in.
AXES_DISABLE_ACCESS_LOG = True
# The cool-off runs from the moment of locking: attempts on a locked username are not recorded (so
# they cannot keep it locked), and the handler dates the username's counted failures from the lock.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_HANDLER = "ideowork.core.lockouts.LockoutHandler"

# Two-factor sign-in (TOTP, core/twofactor.py). Failures count towards the axes lockout above, so
# django-otp's own growing delay between attempts is off: one mechanism decides who may try again.
OTP_TOTP_ISSUER = "意识形态工作管理平台"
OTP_TOTP_THROTTLE_FACTOR = 0
TWO_FACTOR_PENDING_SECONDS = 10 * 60  # time between the password and the second step

X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "connect-src": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    }
}

# --- audit trail (core/audit_chain.py) -------------------------------------------------------------
AUDIT_KEY = os.environ.get("IDEOWORK_AUDIT_KEY", "")
AUDIT_KEY_FILE = os.environ.get("IDEOWORK_AUDIT_KEY_FILE", "")


def _local_key_file(path: Path) -> str:
    """A machine-local key file under var/, made once (like the secret key) and never in the database.
    Created exclusively, so processes starting together all read the one key."""
    import secrets
    import time

    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        for _ in range(50):  # another process is writing it
            if path.read_bytes().strip():
                break
            time.sleep(0.02)
    else:
        with os.fdopen(fd, "w") as handle:
            handle.write(secrets.token_urlsafe(48) + "\n")
    return str(path)


if not AUDIT_KEY and not AUDIT_KEY_FILE:
    AUDIT_KEY_FILE = _local_key_file(VAR_DIR / "audit_key")
# 等保三级 asks for at least six months of audit records; a shorter setting is raised to 180 days.
AUDIT_RETENTION_DAYS = max(180, int(os.environ.get("IDEOWORK_AUDIT_RETENTION_DAYS", 180)))

# --- HTTP API (core/api) ----------------------------------------------------------------------
# Calls per client in a sliding window (counted in the cache: Redis in production), and the largest
# request body, refused with 413 before it is read.
API_RATE_LIMIT = int(os.environ.get("IDEOWORK_API_RATE_LIMIT", 120))
API_RATE_WINDOW_SECONDS = int(os.environ.get("IDEOWORK_API_RATE_WINDOW_SECONDS", 60))
# Calls with a wrong, revoked or expired token from one address within that window.
API_REFUSED_LIMIT = int(os.environ.get("IDEOWORK_API_REFUSED_LIMIT", 20))
API_MAX_BODY_BYTES = int(os.environ.get("IDEOWORK_API_MAX_BODY_KB", 1024)) * 1024

# --- opinion intake (opinion/actions/ingest.py, opinion/feeds.py) --------------------------------
# Items per ingest call on the API; a feed poll's timeout (seconds) and largest response; how long
# an item's text is kept before the retention task purges it (the row and its figures stay).
OPINION_API_MAX_ITEMS = int(os.environ.get("IDEOWORK_OPINION_API_MAX_ITEMS", 500))
OPINION_FEED_TIMEOUT = float(os.environ.get("IDEOWORK_OPINION_FEED_TIMEOUT", 10))
OPINION_FEED_MAX_BYTES = int(os.environ.get("IDEOWORK_OPINION_FEED_MAX_KB", 5120)) * 1024
OPINION_RETENTION_DAYS = int(os.environ.get("IDEOWORK_OPINION_RETENTION_DAYS", 180))
# Warnings' webhooks (政务钉钉 / 企业微信 robots): how long a gateway may take to answer.
OPINION_WEBHOOK_TIMEOUT = float(os.environ.get("IDEOWORK_OPINION_WEBHOOK_TIMEOUT", 5))
# The address people open the platform at, for links in e-mails and robot messages ("" = paths only).
SITE_URL = os.environ.get("IDEOWORK_SITE_URL", "").rstrip("/")

# --- e-mail (warnings): Django's SMTP backend, configured from the environment -----------------
EMAIL_BACKEND = os.environ.get("IDEOWORK_EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("IDEOWORK_EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("IDEOWORK_EMAIL_PORT", 25))
EMAIL_HOST_USER = os.environ.get("IDEOWORK_EMAIL_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("IDEOWORK_EMAIL_PASSWORD", "")
EMAIL_USE_TLS = env_bool("IDEOWORK_EMAIL_TLS", False)
EMAIL_USE_SSL = env_bool("IDEOWORK_EMAIL_SSL", False)
EMAIL_TIMEOUT = float(os.environ.get("IDEOWORK_EMAIL_TIMEOUT", 10))
DEFAULT_FROM_EMAIL = os.environ.get("IDEOWORK_EMAIL_FROM", "ideowork@localhost")

# --- uploads ----------------------------------------------------------------------------------
UPLOAD_MAX_BYTES = int(os.environ.get("IDEOWORK_UPLOAD_MAX_MB", 20)) * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# The import preview edits every item and target of a plan in one form (about 7 fields a target).
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10000
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# What an upload may hold beyond its size, checked before anything reads it (core/documents/limits.py):
# what a .docx/.xlsx/.pptx/.zip expands to, its parts, their compression ratio; a PDF's pages; an
# image's pixels (read from its header); the characters of a document's text.
DOCUMENT_MAX_EXPANDED_BYTES = int(os.environ.get("IDEOWORK_DOCUMENT_MAX_EXPANDED_MB", 50)) * 1024 * 1024
DOCUMENT_MAX_MEMBERS = int(os.environ.get("IDEOWORK_DOCUMENT_MAX_MEMBERS", 2000))
DOCUMENT_MAX_RATIO = int(os.environ.get("IDEOWORK_DOCUMENT_MAX_RATIO", 100))
DOCUMENT_MAX_PDF_PAGES = int(os.environ.get("IDEOWORK_DOCUMENT_MAX_PDF_PAGES", 2000))
DOCUMENT_MAX_IMAGE_PIXELS = int(os.environ.get("IDEOWORK_DOCUMENT_MAX_IMAGE_MEGAPIXELS", 100)) * 1_000_000
DOCUMENT_MAX_CHARS = int(os.environ.get("IDEOWORK_DOCUMENT_MAX_CHARS", 1_000_000))
MEDIA_ROOT = Path(os.environ.get("IDEOWORK_MEDIA_ROOT", VAR_DIR / "media"))
MEDIA_URL = "/media/"

# --- language, time, static files ---------------------------------------------------------------
LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文")]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("IDEOWORK_STATIC_ROOT", BASE_DIR / "staticfiles"))
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # WhiteNoise serves from the finders; the folder only has to exist
STATICFILES_DIRS = [
    BASE_DIR / "ideowork" / "static",
    ("vendor/echarts", BASE_DIR / "node_modules" / "echarts" / "dist"),
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("IDEOWORK_LOG_LEVEL", "WARNING")},
}

# === operations: backups, HTTPS and production hardening (issue 10, items 7 and 8) ============
# IDEOWORK_BACKUP_DIR        where `ideowork backup` and the daily backup write (var/backups by default)
# IDEOWORK_BACKUP_KEEP       how many daily backups to keep (14; 0 keeps all)
# IDEOWORK_BACKUP_DAILY      the queue's daily backup on or off (on)
# IDEOWORK_BACKUP_HOUR       the hour (local time) of the daily backup (2)
# IDEOWORK_HTTPS             served over HTTPS: redirect HTTP, HSTS, secure cookies (off, for `make run`)
# IDEOWORK_HSTS_SECONDS      HSTS max-age once HTTPS is on (one year)
# IDEOWORK_HSTS_SUBDOMAINS, IDEOWORK_HSTS_PRELOAD   HSTS includeSubDomains and preload (on with HTTPS)
# IDEOWORK_BEHIND_PROXY      behind nginx (deploy/): trust its X-Forwarded-Proto and X-Real-IP (off)
# IDEOWORK_MEDIA_ROOT        the uploaded files (var/media); shared storage (NFS) with several web machines
# IDEOWORK_STATIC_ROOT       where `ideowork collectstatic` puts the static files for nginx (staticfiles/)
#                            (both read where MEDIA_ROOT and STATIC_ROOT are set above)
BACKUP_DIR = Path(os.environ.get("IDEOWORK_BACKUP_DIR", VAR_DIR / "backups"))
BACKUP_KEEP = int(os.environ.get("IDEOWORK_BACKUP_KEEP", 14))
BACKUP_DAILY = env_bool("IDEOWORK_BACKUP_DAILY", True)
BACKUP_HOUR = int(os.environ.get("IDEOWORK_BACKUP_HOUR", 2))

HTTPS = env_bool("IDEOWORK_HTTPS", False)
SECURE_SSL_REDIRECT = HTTPS
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]  # the load balancer checks each machine over plain HTTP
SECURE_HSTS_SECONDS = int(os.environ.get("IDEOWORK_HSTS_SECONDS", 365 * 24 * 3600)) if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("IDEOWORK_HSTS_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("IDEOWORK_HSTS_PRELOAD", True)
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE or HTTPS
BEHIND_PROXY = env_bool("IDEOWORK_BEHIND_PROXY", False)
if BEHIND_PROXY:
    # Only behind a proxy that sets these headers itself, overwriting the client's (deploy/nginx does),
    # with gunicorn reachable from the proxy alone. The client's address is what the audit trail and
    # the login lockout record (core.middleware.ProxiedClientMiddleware).
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    MIDDLEWARE.insert(0, "ideowork.core.middleware.ProxiedClientMiddleware")
# Browser features no page uses are switched off (core.middleware.PermissionsPolicyMiddleware).
PERMISSIONS_POLICY = ("accelerometer=(), autoplay=(), camera=(), display-capture=(), encrypted-media=(), "
                      "fullscreen=(self), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), midi=(), "
                      "payment=(), picture-in-picture=(self), usb=(), "
                      "screen-wake-lock=(), xr-spatial-tracking=()")
MIDDLEWARE.insert(MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,
                  "ideowork.core.middleware.PermissionsPolicyMiddleware")
