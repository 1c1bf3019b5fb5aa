#!/usr/bin/env bash
# Installs what the tests need on a fresh machine, idempotently: PostgreSQL's server binaries (provider tests), aiosmtpd (mail tests).
set -euo pipefail
need=()
if ! command -v initdb >/dev/null 2>&1 && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then need+=(postgresql); fi
command -v python3 >/dev/null 2>&1 || need+=(python3)
# The mail tests run a real SMTP server with Debian's Python and aiosmtpd (not a pyenv Python).
[ -x /usr/bin/python3 ] && /usr/bin/python3 -c "import aiosmtpd" >/dev/null 2>&1 || need+=(python3-aiosmtpd)
# The designer's browser test drives Debian's Chromium; the build installs the Elsa Studio designer with npm.
[ -x /usr/bin/chromium ] || need+=(chromium)
command -v npm >/dev/null 2>&1 || need+=(nodejs npm)
# The PDF reports draw Chinese with WQY MicroHei; their tests look at pages through poppler's pdftoppm.
[ -f /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] || need+=(fonts-wqy-microhei)
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils)
if [ ${#need[@]} -gt 0 ]; then
  echo "== installing ${need[*]}"
  [ "$(id -u)" = 0 ] || { echo "Need root to install: ${need[*]}"; exit 1; }
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
