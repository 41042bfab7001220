#!/bin/sh
# /entrypoint.sh of the paymon stand-in for curlimages/curl, reproducing curl/curl-container etc/entrypoint.sh:
# the arguments run as they are when the first one is a command found on PATH, otherwise they are curl's
# (so "-fsSL URL", or "URL", means curl -fsSL URL). The command replaces this script.
set -e

case "$1" in
  -*) set -- curl "$@" ;;
  *)
    if ! command -v "$1" > /dev/null 2>&1; then
      set -- curl "$@"
    fi
    ;;
esac

exec "$@"
