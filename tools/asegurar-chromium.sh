#!/bin/sh
# The browser tests drive Debian's Chromium; install it when it is missing.
set -e
if command -v chromium >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Instalando chromium (paquete de Debian) para las pruebas de navegador..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
else
  echo "Falta chromium: instálelo con 'sudo apt-get install chromium'." >&2
  exit 1
fi
