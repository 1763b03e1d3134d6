"""HTTP service of the normalizer: Flask application factory, run by gunicorn in production.

    flask --app service run               # development server
    normalizer serve --port 8080          # gunicorn (see service.server.serve)
"""

from .app import create_app

__all__ = ["create_app"]
