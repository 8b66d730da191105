"""quizsite settings: one module, read from the environment with safe local defaults.

Local runs need nothing set. Production sets DEBUG=0 (the default), SECRET_KEY, ALLOWED_HOSTS
and DATABASE_URL, and REDIS_URL when several app servers share the work; see README.md.
"""

import os
import tempfile
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG and not env_bool("QUIZSITE_ALLOW_INSECURE_KEY", False):
        raise ImproperlyConfigured(
            "SECRET_KEY must be set when DEBUG is off "
            "(or set DEBUG=1 for local development, as `make run` does)."
        )
    SECRET_KEY = "django-insecure-local-development-key-not-for-production"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
# bench/load: a trivial view (the throughput ceiling) at /bench/trivial/. Never in production.
BENCH_VIEWS = env_bool("BENCH_VIEWS", False)

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_htmx",
    "axes",
    "django_tasks",
    "django_tasks_db",
    "quizzes",
]

# LTI 1.3 (issue 14): quizsite as a tool inside Moodle or Canvas, with single sign-on and grades
# sent back. Off unless LTI_ENABLED=1: then django-lti's models (platform registrations, keys)
# and quizsite's LTI app (quizzes_lti) are installed and /lti/ is served (README, « LTI 1.3 »).
LTI_ENABLED = env_bool("LTI_ENABLED", False)
if LTI_ENABLED:
    INSTALLED_APPS += ["lti_tool", "quizzes_lti"]

# Background work (reading a teacher's text) runs on Django's tasks API: the django-tasks
# backport with its database backend, so no new server is needed and a worker on any machine
# that reaches the database (`manage.py db_worker`) takes the jobs.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # A database that cannot be reached (PostgreSQL restarting) → a clean 503, not a 500.
    "quizsite.middleware.DatabaseUnavailableMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "quizsite.middleware.ChosenLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    # Django's, with sessions naming Django's ModelBackend moved to quizsite.auth's.
    "quizsite.auth.AuthenticationMiddleware",
    "quizsite.middleware.PrivatePagesMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # A pupil with a teacher's one-time password chooses their own before anything else.
    "quizzes.first_login.FirstLoginMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "quizsite.middleware.ContentSecurityPolicyMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "quizsite.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "quizzes.roles.navigation",
            ],
        },
    },
]

WSGI_APPLICATION = "quizsite.wsgi.application"

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # One writer at a time: take the write lock when a transaction starts (instead of failing
    # with "database is locked" when a reader turns writer) and wait for it up to 20 s.
    # Write-ahead log: a commit appends to one file and syncs it (as durable as the default
    # rollback journal, which creates, syncs and deletes a journal besides the database), so
    # the write lock is held for less time, and readers never wait for a writer.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        transaction_mode="IMMEDIATE", timeout=20, init_command="PRAGMA journal_mode=WAL"
    )
    # Tests use a file, not SQLite's shared in-memory database, whose table locks fail at once
    # instead of waiting: tests/concurrency needs the locking production has. One per process.
    DATABASES["default"]["TEST"] = {
        "NAME": str(Path(tempfile.gettempdir()) / f"quizsite-test-{os.getpid()}.sqlite3")
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    # One-time passwords from a teacher (quizzes.class_accounts): random, short-lived.
    "quizzes.hashers.OneTimePasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.BCryptSHA256PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]

# Several app servers behind a load balancer share everything through PostgreSQL (sessions,
# login and class-code throttling, background jobs) and, when REDIS_URL is set, Redis: the
# cache, and sessions read from it (cached_db: written to the database too, so they survive a
# Redis flush or restart). Without Redis the cache is per process (LocMem) and sessions are in
# the database; no feature relies on that cache being shared (README, "Several app servers").
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "quizsite"),
            # A Redis that does not answer fails fast (a clean 503, quizsite.middleware)
            # instead of holding a gunicorn worker until its timeout.
            "OPTIONS": {"socket_connect_timeout": 2, "socket_timeout": 2},
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    # Django's database sessions, read by SQL compiled once per process (quizsite.sessions).
    # Not cached_db on the per-process cache: a session ended on one worker (logout, password
    # change) would still be found in another worker's cache.
    SESSION_ENGINE = "quizsite.sessions"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "after_login"
LOGOUT_REDIRECT_URL = "home"

LANGUAGE_CODE = "fr"
# French for everyone (the facts and sources are French), whatever Accept-Language says;
# English only on explicit choice (quizsite.middleware.ChosenLanguageMiddleware, the switcher in base.html).
LANGUAGES = [("fr", "Français"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG or env_bool("QUIZSITE_PLAIN_STATIC", False)
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# Production hardening. HTTPS-only settings are behind a flag so plain-HTTP local runs work;
# `DEBUG=0 HTTPS=1 ... manage.py check --deploy` is clean (tests/production/test_deploy_check.py).
HTTPS = env_bool("HTTPS", False)
# Only behind a reverse proxy that sets X-Forwarded-Proto itself (and strips it from clients):
# otherwise any client could claim to be on HTTPS.
BEHIND_PROXY = env_bool("BEHIND_PROXY", False)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if BEHIND_PROXY else None
SECURE_SSL_REDIRECT = HTTPS
# Load balancers probe the health check over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
# The language choice says nothing secret, but under HTTPS no cookie travels in clear.
LANGUAGE_COOKIE_SECURE = HTTPS
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000" if HTTPS else "0"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", HTTPS)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", HTTPS)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True

# Django 5.2 has no built-in Content-Security-Policy: quizsite.middleware adds these headers.
# Every page is served with no inline script or style (tests/production/test_security_headers.py
# checks the pages, tests/production/test_csp_templates.py the templates).
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
    "microphone=(), payment=(), usb=(), interest-cohort=()"
)

# Wrong class codes (quizzes.throttling, counted in the database): an account or an address that
# typed this many wrong codes in a window of this many minutes waits for the window to end.
# Per address generously: a whole school may share one.
JOIN_CODE_FAILURES_PER_ACCOUNT = int(os.environ.get("JOIN_CODE_FAILURES_PER_ACCOUNT", "10"))
JOIN_CODE_FAILURES_PER_ADDRESS = int(os.environ.get("JOIN_CODE_FAILURES_PER_ADDRESS", "100"))
JOIN_CODE_WINDOW_MINUTES = int(os.environ.get("JOIN_CODE_WINDOW_MINUTES", "15"))

# Visitors trying the sample quiz without an account (quizzes.visitors): their attempt and its
# session are deleted after VISITOR_DATA_HOURS by the housekeeping task on the worker
# (quizzes.housekeeping, every HOUSEKEEPING_INTERVAL_MINUTES), and new trials are capped per
# address (an IPv6 /64 counts as one) and for the whole site per hour, so that cookie-less
# clients cannot fill the database: at most VISITOR_TRIALS_PER_HOUR × VISITOR_DATA_HOURS
# trial attempts exist at any time.
VISITOR_DATA_HOURS = int(os.environ.get("VISITOR_DATA_HOURS", "24"))
VISITOR_TRIALS_PER_ADDRESS_PER_HOUR = int(
    os.environ.get("VISITOR_TRIALS_PER_ADDRESS_PER_HOUR", "60")
)
VISITOR_TRIALS_PER_HOUR = int(os.environ.get("VISITOR_TRIALS_PER_HOUR", "1000"))
HOUSEKEEPING_INTERVAL_MINUTES = int(os.environ.get("HOUSEKEEPING_INTERVAL_MINUTES", "60"))

# Login throttling (django-axes): 5 wrong passwords for one username from one address lock
# that pair out for 15 minutes. Attempts live in the database, so every gunicorn worker sees
# them. The lockout page is the login page with a French message (HTTP 429).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    # Django's ModelBackend, with the user read of every request compiled once (quizsite.auth).
    "quizsite.auth.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("LOGIN_LOCKOUT_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_USERNAME_CALLABLE = "quizzes.throttling.attempted_username"
AXES_LOCKOUT_CALLABLE = "quizsite.middleware.login_lockout_response"
# No log of every successful login: pupils' addresses are not kept without need.
AXES_DISABLE_ACCESS_LOG = True
AXES_VERBOSE = False

# Oversized posts are refused by Django with a 400 before any view runs. A pasted source of
# 200,000 characters (quizzes.extraction.reading.MAX_TEXT_CHARS) is up to ~2 MB once French
# accents and typographic quotes are percent-encoded: the limit leaves room for it, so a text a
# little too long gets the form's own message. Uploaded files are not counted here (they stream
# to disk and the form refuses those over 10 MB).
DATA_UPLOAD_MAX_MEMORY_SIZE = 3 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 400

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
CSRF_FAILURE_VIEW = "quizzes.views.errors.csrf_failure"
