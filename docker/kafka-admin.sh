#!/usr/bin/env bash
# Runs a command-line tool of the apache/kafka image logged in as the brokers' admin (SASL PLAIN on the INTERNAL
# listener), e.g.   kafka-admin.sh kafka-topics.sh --bootstrap-server kafka-1:19092 --list
# The admin's password comes from BROKER_ADMIN_PASSWORD, else from the file KAFKA_ADMIN_PASSWORD that
# docker/secrets-init.sh hands to the brokers (/run/secrets/paymon); the login is written to a private temporary file
# that the tool reads with --command-config and that is deleted afterwards. From the host:
#   docker compose exec kafka-1 bash /opt/paymon/kafka-admin.sh kafka-topics.sh --bootstrap-server localhost:19092 --list
set -euo pipefail

secrets_dir=${SECRETS_DIR:-/run/secrets/paymon}
if [[ -z ${BROKER_ADMIN_PASSWORD:-} ]]; then
  [[ -r $secrets_dir/KAFKA_ADMIN_PASSWORD ]] \
    || { echo "kafka-admin: neither BROKER_ADMIN_PASSWORD nor $secrets_dir/KAFKA_ADMIN_PASSWORD" >&2; exit 1; }
  BROKER_ADMIN_PASSWORD=$(cat "$secrets_dir/KAFKA_ADMIN_PASSWORD")
fi
if [[ $# -lt 1 ]]; then
  echo "usage: $0 <tool>.sh [arguments...]" >&2
  exit 2
fi

umask 077
config=$(mktemp)
trap 'rm -f "$config"' EXIT
cat > "$config" <<PROPERTIES
security.protocol=SASL_PLAINTEXT
sasl.mechanism=PLAIN
sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="admin" password="${BROKER_ADMIN_PASSWORD}";
PROPERTIES

tool=$1
shift
# The console clients name their login file differently from the admin tools.
case $tool in
  kafka-console-producer.sh) config_option=--producer.config ;;
  kafka-console-consumer.sh) config_option=--consumer.config ;;
  *) config_option=--command-config ;;
esac
# A small JVM without the brokers' metrics agent (KAFKA_OPTS), whose port a broker container already uses.
KAFKA_OPTS="" KAFKA_HEAP_OPTS="${TOOL_HEAP_OPTS:--Xmx64m}" "${KAFKA_HOME:-/opt/kafka}/bin/$tool" "$config_option" "$config" "$@"
