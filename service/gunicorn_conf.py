"""Gunicorn settings, taken from the service's own settings (CLAIMS_HOST, CLAIMS_PORT, ...)."""

from service.config import Config

bind = f"{Config.HOST}:{Config.PORT}"
workers = Config.WORKERS
# Build or sync the index once in the master, before the workers fork.
preload_app = True
accesslog = "-"
loglevel = Config.LOG_LEVEL
timeout = 60
