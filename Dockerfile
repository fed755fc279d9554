# claimcheck: the service with the shipped corpus and its index built into the image.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    CLAIMS_HOST=0.0.0.0 \
    CLAIMS_PORT=8000 \
    CLAIMS_WORKERS=2 \
    CLAIMS_DATA_DIR=/app/var \
    CLAIMS_CORPUS_DIR=/app/seeds \
    CLAIMS_DICTIONARY_PATH=/app/var/dict/de-en \
    CLAIMS_THESAURUS_DIR=/app/var/thesaurus

WORKDIR /app

# The Ding German-English dictionary (Debian package trans-de-en) for English claims, and the
# German and English thesauri (mythes-de, mythes-en-us) for synonyms.
WORKDIR /tmp/dict
RUN apt-get update \
    && apt-get download trans-de-en mythes-de mythes-en-us \
    && for deb in *.deb; do dpkg -x "$deb" .; done \
    && mkdir -p /app/var/dict /app/var/thesaurus \
    && cp usr/share/trans/de-en /app/var/dict/de-en \
    && cp usr/share/mythes/th_de_DE_v2.dat usr/share/mythes/th_en_US_v2.dat /app/var/thesaurus/ \
    && rm -rf /tmp/dict /var/lib/apt/lists/*
WORKDIR /app

COPY pyproject.toml README.md ./
COPY service ./service
RUN pip install --no-cache-dir .
COPY seeds ./seeds
COPY openapi.yaml ./

# Build the index, the dictionary lookup and the read thesauri now, so a container starts
# serving at once.
RUN useradd --system --uid 10001 --home-dir /app claims \
    && python -c "from service import create_app; create_app()" \
    && chown -R claims /app/var
USER 10001

EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4)"]
CMD ["python", "-m", "service", "serve"]
