#!/bin/sh
# One-shot setup of docker-compose.yml (service secrets-init): makes every secret of the stack on the first start and
# hands each container only the ones it needs. Nothing has to be made by hand and nothing secret is in a tracked file.
#
#   /secrets            volume "secrets": the one copy of every secret, read only by this script
#   /out/<consumer>     one volume per consumer (kafka, publisher, processor, subscriber, postgres, grafana, demo),
#                       mounted read-only at /run/secrets/paymon in that consumer's containers
#
# A secret is a file named like the variable that could set it instead (the Kafka users' files are named by the
# password variables of common-events/src/main/resources/kafka-access.tsv). The services read theirs through Spring
# Boot's configtree import; the brokers through a JAAS file (java.security.auth.login.config); PostgreSQL and Grafana
# through their images' *_FILE conventions.
#
# A secret is generated once and kept (volume "secrets"): every later start hands out the same values, so keys and
# passwords survive `docker compose down`/`up`; `down -v` forgets them together with the data they protect.
# Bring your own: a non-empty variable of the same name in secrets-init's environment (export it before `docker
# compose up`) replaces the stored secret; for API keys give the hash (PAYMON_API_KEY_HASH, ...), never the key.
#
#   docker compose run --rm -T secrets-init operator-key   # prints the operator's API key (every role)
#   docker compose run --rm -T secrets-init ingest-key     # prints the payment clients' key (role ingest)
set -eu

store=${SECRETS_STORE:-/secrets}
out=${SECRETS_OUT:-/out}

# uid:gid each consumer's image runs as: apache/kafka appuser, the services' paymon user (docker/service.Dockerfile),
# the postgres image's postgres, the grafana image's grafana, the curlimages/curl image's curl_user.
KAFKA_OWNER=${KAFKA_OWNER:-1000:1000}
SERVICE_OWNER=${SERVICE_OWNER:-10001:10001}
POSTGRES_OWNER=${POSTGRES_OWNER:-999:999}
GRAFANA_OWNER=${GRAFANA_OWNER:-472:0}
DEMO_OWNER=${DEMO_OWNER:-100:101}

# 32 random bytes as base64url without padding (43 characters): the alphabet every consumer accepts (JAAS,
# kafka-configs.sh and libpq strings need no quoting).
random_token() {
  head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n'
}

sha256_hash() {
  printf 'sha256:%s' "$(printf %s "$1" | sha256sum | cut -d' ' -f1)"
}

write_secret() { # name value: the stored copy, mode 0600
  umask 077
  printf %s "$2" > "$store/$1.tmp"
  mv "$store/$1.tmp" "$store/$1"
}

# A password: the variable of that name if set, else the stored one, else a new one.
password() {
  eval "given=\${$1:-}"
  if [ -n "$given" ]; then
    write_secret "$1" "$given"
    echo "secrets-init: $1 set from the environment" >&2
  elif [ ! -s "$store/$1" ]; then
    write_secret "$1" "$(random_token)"
    echo "secrets-init: $1 generated" >&2
  fi
}

# An API key: <NAME> holds the key (only if made here), <NAME>_HASH its SHA-256, which is all the services get.
api_key() {
  eval "given=\${$1_HASH:-}"
  if [ -n "$given" ]; then
    write_secret "$1_HASH" "$given"
    rm -f "$store/$1"
    echo "secrets-init: $1_HASH set from the environment (the key itself is yours)" >&2
  elif [ ! -s "$store/$1_HASH" ]; then
    key="pk_$(random_token)"
    write_secret "$1" "$key"
    write_secret "$1_HASH" "$(sha256_hash "$key")"
    echo "secrets-init: $1 generated" >&2
  fi
}

print_key() {
  if [ -s "$store/$1" ]; then
    cat "$store/$1"
    echo
  elif [ -s "$store/$1_HASH" ]; then
    echo "secrets-init: $1 was brought as a hash ($1_HASH); the key is the one you made" >&2
    exit 1
  else
    echo "secrets-init: no $1 yet: run docker compose up first" >&2
    exit 1
  fi
}

case "${1:-init}" in
  operator-key) print_key PAYMON_API_KEY; exit 0 ;;
  ingest-key) print_key PAYMON_INGEST_KEY; exit 0 ;;
  demo-key) print_key PAYMON_DEMO_KEY; exit 0 ;;
  init) ;;
  *) echo "usage: secrets-init.sh [init|operator-key|ingest-key|demo-key]" >&2; exit 2 ;;
esac

for name in KAFKA_ADMIN_PASSWORD PUBLISHER_KAFKA_PASSWORD PROCESSOR_KAFKA_PASSWORD SUBSCRIBER_KAFKA_PASSWORD \
    POSTGRES_PASSWORD GRAFANA_DB_PASSWORD GRAFANA_ADMIN_PASSWORD; do
  password "$name"
done
for name in PAYMON_API_KEY PAYMON_INGEST_KEY PAYMON_DEMO_KEY; do
  api_key "$name"
done

# Hands out: consumer owner secret... (a consumer's volume holds exactly these, readable only by its user).
hand_out() {
  consumer=$1
  owner=$2
  shift 2
  directory="$out/$consumer"
  [ -d "$directory" ] || { echo "secrets-init: $directory is not mounted" >&2; exit 1; }
  find "$directory" -mindepth 1 -maxdepth 1 -exec rm -rf {} +
  for name in "$@"; do
    if [ -f "$store/$name" ]; then
      cp "$store/$name" "$directory/$name"
    else # an API key brought as a hash: the key is not here to hand out
      echo "secrets-init: $consumer gets no $name (brought as a hash)" >&2
    fi
  done
  chown -R "$owner" "$directory"
  chmod 0500 "$directory"
  find "$directory" -type f -exec chmod 0400 {} +
}

api_key_hashes="PAYMON_API_KEY_HASH PAYMON_INGEST_KEY_HASH PAYMON_DEMO_KEY_HASH"

# The brokers' JAAS file: admin logs in to the other nodes with PLAIN on INTERNAL and CONTROLLER (the only place
# its password is); the services with SCRAM on INTERNAL; EXTERNAL (the host) offers SCRAM, and admin has no SCRAM
# credential (docker/kafka-init.sh), so no super user can log in from outside the compose network.
admin_password=$(cat "$store/KAFKA_ADMIN_PASSWORD")
plain="org.apache.kafka.common.security.plain.PlainLoginModule required username=\"admin\" password=\"$admin_password\" user_admin=\"$admin_password\";"
scram="org.apache.kafka.common.security.scram.ScramLoginModule required;"
umask 077
cat > "$store/kafka_server_jaas.conf" <<JAAS
internal.KafkaServer {
  $plain
  $scram
};
controller.KafkaServer {
  $plain
};
external.KafkaServer {
  $scram
};
JAAS

hand_out kafka "$KAFKA_OWNER" kafka_server_jaas.conf KAFKA_ADMIN_PASSWORD \
  PUBLISHER_KAFKA_PASSWORD PROCESSOR_KAFKA_PASSWORD SUBSCRIBER_KAFKA_PASSWORD
# shellcheck disable=SC2086 # the hash names are words without spaces
hand_out publisher "$SERVICE_OWNER" $api_key_hashes PUBLISHER_KAFKA_PASSWORD
# shellcheck disable=SC2086
hand_out processor "$SERVICE_OWNER" $api_key_hashes PROCESSOR_KAFKA_PASSWORD
# shellcheck disable=SC2086
hand_out subscriber "$SERVICE_OWNER" $api_key_hashes SUBSCRIBER_KAFKA_PASSWORD POSTGRES_PASSWORD
hand_out postgres "$POSTGRES_OWNER" POSTGRES_PASSWORD GRAFANA_DB_PASSWORD
hand_out grafana "$GRAFANA_OWNER" GRAFANA_ADMIN_PASSWORD GRAFANA_DB_PASSWORD
hand_out demo "$DEMO_OWNER" PAYMON_DEMO_KEY

echo "secrets-init: done; the operator's API key: docker compose run --rm -T secrets-init operator-key" >&2
