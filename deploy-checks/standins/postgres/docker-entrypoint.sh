#!/usr/bin/env bash
# docker-entrypoint.sh of the paymon stand-in for postgres:17.6, reproducing the official image's entrypoint
# (docker-library/postgres 17/bookworm/docker-entrypoint.sh):
#   - "postgres ..." (or arguments starting with "-"): as root, create PGDATA and /var/run/postgresql, give them to
#     postgres and start again as postgres (gosu); then, only when PGDATA holds no database (no PG_VERSION):
#       * POSTGRES_PASSWORD (required unless POSTGRES_HOST_AUTH_METHOD=trust), POSTGRES_USER (default postgres),
#         POSTGRES_DB (default POSTGRES_USER), POSTGRES_INITDB_ARGS, POSTGRES_INITDB_WALDIR; each of the first four
#         can come from a file named by <NAME>_FILE (Docker secrets);
#       * initdb with that superuser and password; "host all all all <method>" appended to pg_hba.conf, the method
#         being POSTGRES_HOST_AUTH_METHOD or the server's password_encryption (scram-sha-256);
#       * a temporary server listening only on the Unix socket; POSTGRES_DB created; /docker-entrypoint-initdb.d/*
#         run in name order: *.sh executed when executable, else sourced (with POSTGRES_USER, POSTGRES_DB,
#         POSTGRES_PASSWORD and this script's functions, e.g. docker_process_sql, at hand), *.sql / *.sql.gz /
#         *.sql.xz / *.sql.zst run with psql as POSTGRES_USER on POSTGRES_DB over the socket; the server stopped.
#   - then exec the command: the server listens on all addresses (listen_addresses = '*' in the sample
#     configuration initdb copies).
# Anything else (bash, psql, postgres --version) runs as it is.
set -Eeo pipefail

# Reads NAME from NAME, or from the file named by NAME_FILE (not both), with a default; exports NAME.
file_env() {
  local name=$1 file_name="${1}_FILE" value=${2:-}
  if [ -n "${!name:-}" ] && [ -n "${!file_name:-}" ]; then
    printf >&2 'error: both %s and %s are set (but are exclusive)\n' "$name" "$file_name"
    exit 1
  fi
  if [ -n "${!name:-}" ]; then
    value=${!name}
  elif [ -n "${!file_name:-}" ]; then
    value=$(< "${!file_name}")
  fi
  export "$name"="$value"
  unset "$file_name"
}

# True when this file is being sourced (by a script that wants its functions) rather than run.
_is_sourced() {
  [ "${#FUNCNAME[@]}" -ge 2 ] && [ "${FUNCNAME[0]}" = _is_sourced ] && [ "${FUNCNAME[1]}" = source ]
}

docker_setup_env() {
  file_env POSTGRES_PASSWORD
  file_env POSTGRES_USER postgres
  file_env POSTGRES_DB "$POSTGRES_USER"
  file_env POSTGRES_INITDB_ARGS
  : "${POSTGRES_HOST_AUTH_METHOD:=}"

  declare -g DATABASE_ALREADY_EXISTS=
  if [ -s "$PGDATA/PG_VERSION" ]; then
    DATABASE_ALREADY_EXISTS=true
  fi
}

# PGDATA (mode 700), the socket directory and the WAL directory, owned by postgres when running as root.
docker_create_db_directories() {
  local uid
  uid=$(id -u)

  mkdir -p "$PGDATA"
  chmod 00700 "$PGDATA" || :
  mkdir -p /var/run/postgresql || :
  chmod 03775 /var/run/postgresql || :

  if [ -n "${POSTGRES_INITDB_WALDIR:-}" ]; then
    mkdir -p "$POSTGRES_INITDB_WALDIR"
    if [ "$uid" = 0 ]; then
      find "$POSTGRES_INITDB_WALDIR" \! -user postgres -exec chown postgres '{}' +
    fi
    chmod 700 "$POSTGRES_INITDB_WALDIR"
  fi

  if [ "$uid" = 0 ]; then
    find "$PGDATA" \! -user postgres -exec chown postgres '{}' +
    find /var/run/postgresql \! -user postgres -exec chown postgres '{}' +
  fi
}

docker_verify_minimum_env() {
  if [ -z "$POSTGRES_PASSWORD" ] && [ "$POSTGRES_HOST_AUTH_METHOD" != trust ]; then
    cat >&2 <<-'EOE'
		Error: Database is uninitialized and superuser password is not specified.
		       You must specify POSTGRES_PASSWORD to a non-empty value for the
		       superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".

		       You may also use "POSTGRES_HOST_AUTH_METHOD=trust" to allow all
		       connections without a password. This is *not* recommended.
	EOE
    exit 1
  fi
  if [ "$POSTGRES_HOST_AUTH_METHOD" = trust ]; then
    cat >&2 <<-'EOW'
		WARNING: POSTGRES_HOST_AUTH_METHOD has been set to "trust": anyone who reaches
		         the Postgres port can log in without a password, even if POSTGRES_PASSWORD is set.
	EOW
  fi
}

# initdb with POSTGRES_USER as superuser and POSTGRES_PASSWORD as its password; POSTGRES_INITDB_ARGS is split like
# a shell command line. Without a passwd entry for the current uid (docker run --user), nss_wrapper provides one.
docker_init_database_dir() {
  local uid gid wrapper
  uid=$(id -u)
  if ! getent passwd "$uid" &> /dev/null; then
    for wrapper in {/usr,}/lib{/*,}/libnss_wrapper.so; do
      if [ -s "$wrapper" ]; then
        NSS_WRAPPER_PASSWD=$(mktemp)
        NSS_WRAPPER_GROUP=$(mktemp)
        export LD_PRELOAD=$wrapper NSS_WRAPPER_PASSWD NSS_WRAPPER_GROUP
        gid=$(id -g)
        printf 'postgres:x:%s:%s:PostgreSQL:%s:/bin/false\n' "$uid" "$gid" "$PGDATA" > "$NSS_WRAPPER_PASSWD"
        printf 'postgres:x:%s:\n' "$gid" > "$NSS_WRAPPER_GROUP"
        break
      fi
    done
  fi

  if [ -n "${POSTGRES_INITDB_WALDIR:-}" ]; then
    set -- --waldir "$POSTGRES_INITDB_WALDIR" "$@"
  fi

  # The password file ends with a newline: initdb rejects an empty --pwfile.
  eval 'initdb --username="$POSTGRES_USER" --pwfile=<(printf "%s\n" "$POSTGRES_PASSWORD") '"$POSTGRES_INITDB_ARGS"' "$@"'

  if [[ "${LD_PRELOAD:-}" == */libnss_wrapper.so ]]; then
    rm -f "$NSS_WRAPPER_PASSWD" "$NSS_WRAPPER_GROUP"
    unset LD_PRELOAD NSS_WRAPPER_PASSWD NSS_WRAPPER_GROUP
  fi
}

# Connections over TCP ("host") authenticate with POSTGRES_HOST_AUTH_METHOD, by default the method of the
# server's password_encryption (scram-sha-256). Arguments: the server command line.
pg_setup_hba_conf() {
  if [ "$1" = postgres ]; then
    shift
  fi
  local method
  method=$(postgres -C password_encryption "$@")
  : "${POSTGRES_HOST_AUTH_METHOD:=$method}"
  {
    printf '\n'
    if [ "$POSTGRES_HOST_AUTH_METHOD" = trust ]; then
      printf '# warning trust is enabled for all connections\n'
    fi
    printf 'host all all all %s\n' "$POSTGRES_HOST_AUTH_METHOD"
  } >> "$PGDATA/pg_hba.conf"
}

# Runs SQL with psql as POSTGRES_USER on POSTGRES_DB over the Unix socket, stopping at the first error.
# Usage: docker_process_sql [psql arguments], e.g. docker_process_sql -f file.sql, or SQL on standard input.
docker_process_sql() {
  local psql_command=(psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --no-password --no-psqlrc)
  if [ -n "$POSTGRES_DB" ]; then
    psql_command+=(--dbname "$POSTGRES_DB")
  fi
  PGHOST= PGHOSTADDR= "${psql_command[@]}" "$@"
}

# The temporary server for the initialisation: Unix socket only (listen_addresses=''), waits until it accepts.
docker_temp_server_start() {
  if [ "$1" = postgres ]; then
    shift
  fi
  set -- "$@" -c listen_addresses='' -p "${PGPORT:-5432}"
  NOTIFY_SOCKET= PGUSER="${PGUSER:-$POSTGRES_USER}" pg_ctl -D "$PGDATA" -o "$(printf '%q ' "$@")" -w start
}

docker_temp_server_stop() {
  PGUSER="${PGUSER:-postgres}" pg_ctl -D "$PGDATA" -m fast -w stop
}

# CREATE DATABASE POSTGRES_DB unless it exists (postgres does, initdb made it).
docker_setup_db() {
  local found
  found=$(POSTGRES_DB= docker_process_sql --dbname postgres --set db="$POSTGRES_DB" --tuples-only <<-'EOSQL'
		SELECT 1 FROM pg_database WHERE datname = :'db' ;
	EOSQL
  )
  if [ -z "$found" ]; then
    POSTGRES_DB= docker_process_sql --dbname postgres --set db="$POSTGRES_DB" <<-'EOSQL'
			CREATE DATABASE :"db" ;
		EOSQL
    printf '\n'
  fi
}

# The initialisation scripts, by extension; psql=( docker_process_sql ) for scripts written for older images.
docker_process_init_files() {
  psql=(docker_process_sql)
  printf '\n'
  local f
  for f; do
    case "$f" in
      *.sh)
        if [ -x "$f" ]; then
          printf '%s: running %s\n' "$0" "$f"
          "$f"
        else
          printf '%s: sourcing %s\n' "$0" "$f"
          # shellcheck disable=SC1090
          . "$f"
        fi
        ;;
      *.sql) printf '%s: running %s\n' "$0" "$f"; docker_process_sql -f "$f"; printf '\n' ;;
      *.sql.gz) printf '%s: running %s\n' "$0" "$f"; gunzip -c "$f" | docker_process_sql; printf '\n' ;;
      *.sql.xz) printf '%s: running %s\n' "$0" "$f"; xzcat "$f" | docker_process_sql; printf '\n' ;;
      *.sql.zst) printf '%s: running %s\n' "$0" "$f"; zstd -dc "$f" | docker_process_sql; printf '\n' ;;
      *) printf '%s: ignoring %s\n' "$0" "$f" ;;
    esac
    printf '\n'
  done
}

# True when the arguments ask postgres for help or its version (nothing to set up then).
_pg_want_help() {
  local arg
  for arg; do
    case "$arg" in
      -'?' | --help | --describe-config | -V | --version) return 0 ;;
    esac
  done
  return 1
}

_main() {
  if [ "${1:0:1}" = - ]; then
    set -- postgres "$@"
  fi

  if [ "$1" = postgres ] && ! _pg_want_help "$@"; then
    docker_setup_env
    docker_create_db_directories
    if [ "$(id -u)" = 0 ]; then
      exec gosu postgres "$BASH_SOURCE" "$@"
    fi

    if [ -z "$DATABASE_ALREADY_EXISTS" ]; then
      docker_verify_minimum_env
      # Fails early (before initdb) when the scripts' directory cannot be read.
      ls /docker-entrypoint-initdb.d/ > /dev/null

      docker_init_database_dir
      pg_setup_hba_conf "$@"

      # For psql when local connections need a password too (e.g. POSTGRES_INITDB_ARGS=--auth-local=scram-sha-256).
      export PGPASSWORD="${PGPASSWORD:-$POSTGRES_PASSWORD}"
      docker_temp_server_start "$@"
      docker_setup_db
      docker_process_init_files /docker-entrypoint-initdb.d/*
      docker_temp_server_stop
      unset PGPASSWORD

      printf '\nPostgreSQL init process complete; ready for start up.\n\n'
    else
      printf '\nPostgreSQL Database directory appears to contain a database; Skipping initialization\n\n'
    fi
  fi

  exec "$@"
}

if ! _is_sourced; then
  _main "$@"
fi
