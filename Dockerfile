# Production image: gunicorn for web, the same image runs the Celery worker and beat.
FROM python:3.11-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 \
    DJANGO_SETTINGS_MODULE=hallowerk.settings.production

# WeasyPrint needs Pango; fonts so PDFs render text. `manage.py backup` needs pg_dump of the
# server's version (16, docker-compose.yml), which comes from PostgreSQL's own Debian archive.
RUN apt-get update \
 && apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core \
    tesseract-ocr tesseract-ocr-nld tesseract-ocr-eng \
    postgresql-common ca-certificates curl \
 && /usr/share/postgresql-common/pgdg/apt.postgresql.org.sh -y \
 && apt-get install -y --no-install-recommends postgresql-client-16 \
 && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY pyproject.toml constraints.txt ./
RUN pip install --no-cache-dir -c constraints.txt .
COPY . .
RUN python scripts/compile_messages.py \
 && SECRET_KEY=build DATABASE_URL=postgres://build@localhost/build REDIS_URL=redis://localhost \
    python manage.py collectstatic --noinput

RUN useradd --system --uid 1000 hallowerk && mkdir -p /data && chown hallowerk /data
USER hallowerk
EXPOSE 8000
# Workers and threads follow the connection budget (hallowerk/settings/connections.py).
ENV BIND=0.0.0.0:8000
CMD ["gunicorn", "-c", "python:hallowerk.gunicorn_conf", "hallowerk.wsgi:application"]
