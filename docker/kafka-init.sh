#!/usr/bin/env bash
# One-shot setup of docker-compose.yml (service kafka-init): creates the SCRAM-SHA-512 users and the ACLs that
# kafka-access.tsv defines (common-events/src/main/resources/kafka-access.tsv, the same definition the tests apply
# through dev.paymon.events.access.KafkaAccess), logged in as the brokers' admin.
#
# Each user's password is read from the environment variable its "user" line names, else from the file of that name
# in SECRETS_DIR (/run/secrets/paymon, where docker/secrets-init.sh puts them). The admin (the brokers' super user)
# has no SCRAM credential: the EXTERNAL listener (the host) offers SCRAM only, so no super user can log in from
# outside the compose network; a credential that an earlier release created is deleted.
# Re-running is harmless: credentials are replaced (this is how a password is changed) and existing ACLs are kept.
# An ACL removed from the file is not removed from the cluster: do that with kafka-acls.sh --remove.
#
# Environment: BOOTSTRAP_SERVERS; the users' password variables or SECRETS_DIR; optional KAFKA_ACCESS_FILE,
# KAFKA_ADMIN_TOOL (the wrapper that runs a tool as admin) and KAFKA_INIT_DRY_RUN=1 (print the commands, run none).
set -euo pipefail

access_file=${KAFKA_ACCESS_FILE:-/opt/paymon/kafka-access.tsv}
admin_tool=${KAFKA_ADMIN_TOOL:-/opt/paymon/kafka-admin.sh}
bootstrap=${BOOTSTRAP_SERVERS:?BOOTSTRAP_SERVERS is not set}
secrets_dir=${SECRETS_DIR:-/run/secrets/paymon}

fail() {
  echo "kafka-init: $*" >&2
  exit 1
}

# Runs a tool as admin (its output, e.g. the ACLs kafka-acls.sh lists, is not needed); prints it in a dry run.
run() {
  if [[ ${KAFKA_INIT_DRY_RUN:-0} == 1 ]]; then
    echo "$*"
  else
    bash "$admin_tool" "$@" > /dev/null
  fi
}

# Passwords end up inside JAAS and kafka-configs.sh syntax: quotes, commas, brackets or spaces would break them.
check_password() {
  [[ $2 =~ ^[A-Za-z0-9._~-]{12,}$ ]] \
    || fail "the password of $1 must be at least 12 letters, digits or . _ ~ -"
}

# The password of a user: its variable, else the file of that name in secrets_dir.
password_of() {
  local variable=$1
  if [[ -n ${!variable:-} ]]; then
    printf %s "${!variable}"
  elif [[ -r $secrets_dir/$variable ]]; then
    cat "$secrets_dir/$variable"
  else
    fail "$variable is neither set nor a file in $secrets_dir (docker/secrets-init.sh makes it)"
  fi
}

# Deletes a SCRAM credential of admin if one exists (earlier releases made one, for logins from the host).
remove_admin_scram() {
  if [[ ${KAFKA_INIT_DRY_RUN:-0} == 1 ]]; then
    echo "kafka-configs.sh --bootstrap-server $bootstrap --alter --entity-type users --entity-name admin --delete-config SCRAM-SHA-512 (if present)"
    return
  fi
  if bash "$admin_tool" kafka-configs.sh --bootstrap-server "$bootstrap" --describe --entity-type users \
      --entity-name admin | grep -q 'SCRAM-SHA-512'; then
    run kafka-configs.sh --bootstrap-server "$bootstrap" --alter --entity-type users --entity-name admin \
      --delete-config SCRAM-SHA-512
    echo "kafka-init: the SCRAM-SHA-512 credential of admin is deleted (no super user login from the host)" >&2
  fi
}

scram_user() {
  check_password "$1" "$2"
  run kafka-configs.sh --bootstrap-server "$bootstrap" --alter --entity-type users --entity-name "$1" \
    --add-config "SCRAM-SHA-512=[iterations=8192,password=$2]"
  echo "kafka-init: SCRAM-SHA-512 user $1 is set" >&2
}

declare -A users=()          # user -> password variable
user_names=()                 # the users in file order
declare -A acl_resources=()  # "<user> <pattern type> <operations>" -> resource options for kafka-acls.sh
acl_keys=()                   # the same keys in file order

line_number=0
while IFS= read -r line || [[ -n $line ]]; do
  line_number=$((line_number + 1))
  line=${line%%#*}
  read -r -a field <<< "$line" || true
  [[ ${#field[@]} -eq 0 ]] && continue
  case ${field[0]} in
    user)
      [[ ${#field[@]} -eq 3 ]] || fail "line $line_number: expected user <name> <password variable>"
      [[ -z ${users[${field[1]}]:-} ]] || fail "line $line_number: user ${field[1]} declared twice"
      users[${field[1]}]=${field[2]}
      user_names+=("${field[1]}")
      ;;
    allow)
      [[ ${#field[@]} -eq 6 ]] || fail "line $line_number: expected allow <user> <type> <pattern> <name> <operations>"
      [[ -n ${users[${field[1]}]:-} ]] || fail "line $line_number: user ${field[1]} is not declared above"
      case ${field[2]} in
        TOPIC) option=--topic ;;
        GROUP) option=--group ;;
        TRANSACTIONAL_ID) option=--transactional-id ;;
        *) fail "line $line_number: unsupported resource type ${field[2]}" ;;
      esac
      [[ ${field[3]} == LITERAL || ${field[3]} == PREFIXED ]] || fail "line $line_number: pattern ${field[3]}"
      # Rules of one user with the same pattern type and operations become one kafka-acls.sh call.
      key="${field[1]} ${field[3]} ${field[5]}"
      [[ -n ${acl_resources[$key]:-} ]] || acl_keys+=("$key")
      acl_resources[$key]="${acl_resources[$key]:-} $option ${field[4]}"
      ;;
    *)
      fail "line $line_number: unknown line type ${field[0]} (user or allow)"
      ;;
  esac
done < "$access_file"

[[ ${#users[@]} -gt 0 ]] || fail "no users in $access_file"

remove_admin_scram
for user in "${user_names[@]}"; do
  scram_user "$user" "$(password_of "${users[$user]}")"
done

for key in "${acl_keys[@]}"; do
  read -r user pattern operations <<< "$key"
  options=()
  IFS=, read -r -a operation_list <<< "$operations"
  for operation in "${operation_list[@]}"; do
    # kafka-acls.sh spells DESCRIBE_CONFIGS as DescribeConfigs (ALTER_CONFIGS as AlterConfigs); without the underscore
    # the name is accepted in any case.
    options+=(--operation "${operation//_/}")
  done
  # shellcheck disable=SC2206 # resource options are "--topic name" pairs without spaces in names
  resources=(${acl_resources[$key]})
  run kafka-acls.sh --bootstrap-server "$bootstrap" --add --allow-principal "User:$user" --allow-host '*' \
    --resource-pattern-type "$pattern" "${resources[@]}" "${options[@]}"
  echo "kafka-init: User:$user may ${operations} on ${pattern}${acl_resources[$key]}" >&2
done

echo "kafka-init: done, ${#users[@]} service users and their ACLs from $access_file" >&2
