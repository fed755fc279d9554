"""Gunicorn settings, taken from the service's own settings (CLAIMS_HOST, CLAIMS_PORT, ...)."""

from service.config import Config

bind = f"{Config.HOST}:{Config.PORT}"
workers = Config.WORKERS
worker_class = "service.worker.ProblemWorker"
# Build or sync the index once in the master, before the workers fork.
preload_app = True
accesslog = "-"
loglevel = Config.LOG_LEVEL
timeout = 60
# The most gunicorn allows: a query of schemas.QUERY_MAX characters fits however it is encoded.
limit_request_line = 8190
