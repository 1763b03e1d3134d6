# The normalizer HTTP service: gunicorn serving service:create_app() on port 8080.
#   docker build -t normalizer .
#   docker run --rm -p 127.0.0.1:8080:8080 normalizer
# See docs/service.md for the settings (NORMALIZER_* environment variables).
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    NORMALIZER_DICTIONARIES=/app/dictionaries \
    NORMALIZER_CACHE_DIR=/app/cache \
    NORMALIZER_BIND=0.0.0.0:8080

WORKDIR /app

# The project from its own files: packaging metadata, the two packages, the dictionaries.
COPY pyproject.toml ./
COPY normalizer ./normalizer
COPY service ./service
COPY dictionaries ./dictionaries
RUN python -m pip install . \
    && useradd --system --no-create-home --home-dir /app --shell /usr/sbin/nologin normalizer \
    && mkdir -p /app/cache \
    && chown normalizer /app/cache

USER normalizer

# Build the lexicon and pattern caches now, so that a container starts in well under a second.
RUN python -c "from normalizer import Normalizer; Normalizer().normalize('Warm up the caches.')"

EXPOSE 8080

HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["python", "-c", "import sys, urllib.request; sys.exit(urllib.request.urlopen('http://127.0.0.1:8080/readyz', timeout=4).status != 200)"]

CMD ["gunicorn", "--config", "python:service.gunicorn_conf", "service:create_app()"]
