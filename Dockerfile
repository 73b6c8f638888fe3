# a11ycheck in a container: `a11ycheck worker` for campaigns (local Chromium or a Selenium Grid), and every
# other command. Chromium's headless shell and chromedriver are Debian's packages, never a browser download.
#   docker build -t a11ycheck .
#   docker run --rm a11ycheck --help
FROM python:3.12-slim

RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
       chromium-headless-shell chromium-driver \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app
COPY pyproject.toml README.md ./
COPY spiders ./spiders
COPY a11ycheck ./a11ycheck
RUN pip install --no-cache-dir . && a11ycheck --version
COPY charters ./charters

# Celery warns against running workers as root, and Chromium needs no privileges: a plain user
RUN useradd --create-home --uid 10001 a11ycheck && mkdir -p /reports && chown a11ycheck /reports
USER a11ycheck

ENV PYTHONUNBUFFERED=1 \
    A11YCHECK_CHROMIUM=/usr/bin/chromium-headless-shell \
    A11YCHECK_CHROMEDRIVER=/usr/bin/chromedriver \
    A11YCHECK_CHARTERS=/app/charters

ENTRYPOINT ["a11ycheck"]
CMD ["--help"]
