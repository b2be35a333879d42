"""Settings come from environment variables with safe defaults.

DATABASE_URL   PostgreSQL (or any dj-database-url URL); SQLite in var/ when unset.
REDIS_URL      Huey and the cache on Redis; Huey on SQLite in var/ and a per-process memory cache when unset.
IDEOWORK_SECRET_KEY, IDEOWORK_DEBUG, IDEOWORK_ALLOWED_HOSTS, IDEOWORK_VAR_DIR,
IDEOWORK_SESSION_IDLE_SECONDS, IDEOWORK_UPLOAD_MAX_MB.
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

ALLOWED_HOSTS = os.environ.get("IDEOWORK_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",")

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "axes",
    "huey.contrib.djhuey",
    "ideowork.core",
    "ideowork.plans",
    "ideowork.ledger",
    "ideowork.learning",
    "ideowork.outlets",
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
    "ideowork.core.middleware.IdleTimeoutMiddleware",
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
                # failing half-way through a write transaction.
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000;",
                "transaction_mode": "IMMEDIATE",
            },
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- cache (cached figures, see core/caching.py) ---------------------------------------------
if os.environ.get("REDIS_URL"):
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache",
                          "LOCATION": os.environ["REDIS_URL"], "KEY_PREFIX": "ideowork"}}
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
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "ideowork.core.passwords.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "ideowork.core.passwords.ComplexityValidator"},
]
LOGIN_URL = "core:login"
LOGIN_REDIRECT_URL = "reports:home"
LOGOUT_REDIRECT_URL = "core:login"

SESSION_IDLE_SECONDS = int(os.environ.get("IDEOWORK_SESSION_IDLE_SECONDS", 30 * 60))
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

# --- uploads ----------------------------------------------------------------------------------
UPLOAD_MAX_BYTES = int(os.environ.get("IDEOWORK_UPLOAD_MAX_MB", 20)) * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# The import preview edits every item and target of a plan in one form (about 7 fields a target).
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10000
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
MEDIA_ROOT = VAR_DIR / "media"
MEDIA_URL = "/media/"

# --- language, time, static files ---------------------------------------------------------------
LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文")]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATIC_ROOT.mkdir(exist_ok=True)  # WhiteNoise serves from the finders; the folder only has to exist
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
