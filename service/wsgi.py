"""Module-level app for WSGI servers that want one: `gunicorn service.wsgi:app`."""

from service import create_app

app = create_app()
