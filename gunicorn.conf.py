"""gunicorn settings for quizsite, read from the environment (`make prod`, bench/, production).

Run: `gunicorn quizsite.wsgi` from the project root; this file is picked up automatically.
"""

import os

bind = (
    os.environ.get("GUNICORN_BIND")
    or f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"
)
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
threads = int(os.environ.get("GUNICORN_THREADS", "1"))
wsgi_app = "quizsite.wsgi:application"

# A request that takes longer than this is stuck: the worker is replaced.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 20
keepalive = 5
# Set GUNICORN_MAX_REQUESTS to recycle workers now and then (a guard against slow leaks).
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "0"))
max_requests_jitter = 200

accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
access_log_format = '%(h)s "%(r)s" %(s)s %(b)s %(M)sms'

# gunicorn believes X-Forwarded-Proto/-For/-Ssl from 127.0.0.1 by default, so on a machine where
# clients reach gunicorn directly a forged "X-Forwarded-Proto: https" would pass for HTTPS.
# Trust forwarded headers only behind a reverse proxy (BEHIND_PROXY=1, as in settings.py), and
# then only from the proxy's addresses (FORWARDED_ALLOW_IPS, default the local machine).
if os.environ.get("BEHIND_PROXY", "").strip().lower() in {"1", "true", "yes", "on"}:
    forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
else:
    forwarded_allow_ips = ""
    secure_scheme_headers = {}
