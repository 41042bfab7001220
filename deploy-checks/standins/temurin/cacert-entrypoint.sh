#!/usr/bin/env bash
# /__cacert_entrypoint.sh of the paymon stand-ins for eclipse-temurin (and of the Kafka stand-in, whose official
# image inherits it from eclipse-temurin), reproducing adoptium/containers' entrypoint.sh:
#   USE_SYSTEM_CA_CERTS set (opt-in): the system CA store and every /certificates/*crt are imported into the JVM
#   truststore ($JAVA_HOME/lib/security/cacerts, or a temporary copy passed in JAVA_TOOL_OPTIONS when that is not
#   writable); as root the /certificates files also go into the system store (update-ca-certificates).
#   Always: JRE_CACERTS_PATH is exported and the command runs in place of this script.
set -e

TMPDIR=${TMPDIR:-/tmp}
JRE_CACERTS_PATH=$JAVA_HOME/lib/security/cacerts

if [ -n "${USE_SYSTEM_CA_CERTS:-}" ]; then
  if [ ! -w "$TMPDIR" ]; then
    echo "Using additional CA certificates requires write permissions to $TMPDIR. Cannot create truststore."
    exit 1
  fi

  # A truststore the JVM can be given: the JDK's own when writable, else a private copy.
  if [ ! -w "$JRE_CACERTS_PATH" ]; then
    private_store=$(mktemp)
    echo "Using a temporary truststore at $private_store"
    cp "$JRE_CACERTS_PATH" "$private_store"
    JRE_CACERTS_PATH=$private_store
    export JAVA_TOOL_OPTIONS="${JAVA_TOOL_OPTIONS:-} -Djavax.net.ssl.trustStore=$JRE_CACERTS_PATH -Djavax.net.ssl.trustStorePassword=changeit"
  fi

  # The system's trust anchors for TLS servers, as a Java keystore, merged into it.
  system_store=$(mktemp)
  trust extract --overwrite --format=java-cacerts --filter=ca-anchors --purpose=server-auth "$system_store" > /dev/null
  keytool -importkeystore -destkeystore "$JRE_CACERTS_PATH" -srckeystore "$system_store" \
    -srcstorepass changeit -deststorepass changeit -noprompt > /dev/null
  rm -f "$system_store"

  # Each certificate of each /certificates/*crt file (keytool takes one per file), aliased by its CN.
  for bundle in /certificates/*crt; do
    [ -f "$bundle" ] || continue
    pieces=$(mktemp -d)
    name=$(basename "$bundle" .crt)
    csplit -s -z -b %02d.crt -f "$pieces/$name-" "$bundle" '/-----BEGIN CERTIFICATE-----/' '{*}'
    for certificate in "$pieces/$name"-*; do
      alias=$(openssl x509 -in "$certificate" -noout -subject -nameopt -space_eq | sed -n 's/^.*CN=\([^,]*\).*$/\1/p')
      keytool -import -noprompt -alias "$alias" -file "$certificate" -keystore "$JRE_CACERTS_PATH" \
        -storepass changeit > /dev/null
    done
    rm -rf "$pieces"
  done

  # The system store too (curl, wget), which only root may change.
  if [ "$(id -u)" -eq 0 ]; then
    if [ -d /certificates ] && [ -n "$(ls -A /certificates 2> /dev/null)" ]; then
      cp -La /certificates/* /usr/local/share/ca-certificates/
    fi
    update-ca-certificates
  fi
fi

export JRE_CACERTS_PATH

exec "$@"
