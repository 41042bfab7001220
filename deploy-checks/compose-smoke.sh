#!/usr/bin/env bash
# Runs docker-compose.yml on a real Docker engine, as a user would, and checks it from the host:
#   every container healthy; the README's "Try it" with the generated operator key; Prometheus scrapes every target
#   and every dashboard query returns data (ComposeStackChecks, as ObservabilityIT does locally); the demo profile
#   starts a simulation with its own key; two processor instances share the partitions; a broker killed under load
#   loses no acknowledged payment; a stopped processor fires its alert in Alertmanager; `down` then `up` keeps data
#   and keys; `down -v` starts clean.
#
#   deploy-checks/compose-smoke.sh            # needs root (or sudo) for apt-get and dockerd the first time
#
# No image registry is reachable here, so it builds stand-ins for the third-party images from Debian packages on a
# debootstrap base (deploy-checks/standins, which says what they reproduce) and selects them through the compose
# file's *_IMAGE variables; users get the official images. Grafana has no Debian package and no stand-in: it is not
# started; its provisioning and dashboards are checked by deploy-checks and every dashboard query runs here.
# Prints a summary table (also in deploy-checks/target/compose-smoke.md). Exit status 0 only if every check passed.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
out=deploy-checks/target
mkdir -p "$out"
summary=$out/compose-smoke.md
project=paymon-smoke
sudo=""; [[ $(id -u) -eq 0 ]] || sudo="sudo"

started=$(date +%s)
rows=()
step_started=$started
step() { # name: starts timing a step
  step_name=$1
  step_started=$(date +%s)
  echo "==> $step_name" >&2
}
passed() { # what was checked
  local seconds=$(( $(date +%s) - step_started ))
  rows+=("| $step_name | $1 | ${seconds} s |")
  echo "    ok: $1 (${seconds} s)" >&2
}
fail() {
  echo "compose-smoke: FAILED in \"$step_name\": $*" >&2
  print_summary "FAILED: $step_name: $*"
  echo "    logs: $COMPOSE -p $project logs; the stack is left running for a look (down -v to remove)" >&2
  exit 1
}
print_summary() {
  {
    echo "Compose smoke run of $(git rev-parse --short HEAD 2>/dev/null || echo '?') on $(date -u +%Y-%m-%d), \
$(( $(date +%s) - started )) s in all: ${1}"
    echo
    echo "| step | checked | time |"
    echo "| --- | --- | --- |"
    printf '%s\n' "${rows[@]}"
  } | tee "$summary"
}

# ---------------------------------------------------------------- engine and images
step "Docker engine and Compose"
if ! command -v dockerd >/dev/null || ! command -v jq >/dev/null || \
    { ! docker compose version >/dev/null 2>&1 && ! command -v docker-compose >/dev/null; }; then
  $sudo apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker.io docker-compose debootstrap jq
fi
if ! docker info >/dev/null 2>&1; then
  ($sudo nohup dockerd > "$out/dockerd.log" 2>&1 &)
  for _ in $(seq 1 60); do docker info >/dev/null 2>&1 && break; sleep 1; done
  docker info >/dev/null 2>&1 || fail "dockerd did not start (see $out/dockerd.log)"
fi
# BuildKit from a docker CLI without buildx (a newer client than Debian's engine, as here) fails: use Debian's.
if ! docker buildx version >/dev/null 2>&1 && [[ -x /usr/bin/docker && $(command -v docker) != /usr/bin/docker ]]; then
  export PATH=/usr/bin:$PATH
fi
if docker compose version >/dev/null 2>&1; then COMPOSE="docker compose"; else COMPOSE="docker-compose"; fi
# BuildKit for docker/service.Dockerfile's cache mount (Compose v1 builds with the docker CLI only when asked).
export DOCKER_BUILDKIT=1 COMPOSE_DOCKER_CLI_BUILD=1
dc() { $COMPOSE -p "$project" "$@"; }
passed "$(docker version --format 'engine {{.Server.Version}}'), $($COMPOSE version --short 2>/dev/null || $COMPOSE version | head -1)"

step "Stand-in images"
bash deploy-checks/standins/build.sh > "$out/standins.log" 2>&1 || fail "stand-ins did not build (see $out/standins.log)"
export KAFKA_IMAGE=paymon-standin/kafka:4.1.2 POSTGRES_IMAGE=paymon-standin/postgres:17 \
  PROMETHEUS_IMAGE=paymon-standin/prometheus:v3.5.0 ALERTMANAGER_IMAGE=paymon-standin/alertmanager:v0.28.1 \
  CURL_IMAGE=paymon-standin/curl:8.16.0 JDK_IMAGE=paymon-standin/temurin:17-jdk JRE_IMAGE=paymon-standin/temurin:17-jre
passed "kafka, postgres, prometheus, alertmanager, curl, temurin jdk/jre"

# Every service but Grafana (no stand-in); the one-shots come with them through depends_on.
services=(kafka-1 kafka-2 kafka-3 postgres publisher-service processor-service subscriber-service dashboard-reader
  prometheus alertmanager)

container_of() { dc ps -q "$1" | head -n1; }

# Waits until every long-running container of the stack is healthy and every one-shot has exited 0.
wait_healthy() {
  local deadline=$(( $(date +%s) + ${1:-600} )) pending
  while true; do
    pending=()
    for id in $(dc ps -q); do
      local state health code name
      state=$(docker inspect -f '{{.State.Status}}' "$id")
      health=$(docker inspect -f '{{if .State.Health}}{{.State.Health.Status}}{{end}}' "$id")
      code=$(docker inspect -f '{{.State.ExitCode}}' "$id")
      name=$(docker inspect -f '{{.Name}}' "$id")
      if [[ $state == exited && $code != 0 ]]; then
        docker logs --tail 30 "$id" >&2 || true
        fail "$name exited with $code"
      fi
      if [[ $state == running && -n $health && $health != healthy ]] || [[ $state == created || $state == restarting ]]; then
        pending+=("$name:$state/$health")
      fi
    done
    for service in "${services[@]}"; do
      [[ -n $(dc ps -q "$service") ]] || pending+=("$service:missing")
    done
    [[ ${#pending[@]} -eq 0 ]] && return 0
    [[ $(date +%s) -lt $deadline ]] || fail "not healthy in time: ${pending[*]}"
    sleep 5
  done
}

# ---------------------------------------------------------------- first start
step "docker compose up --build (fresh volumes)"
dc down -v --remove-orphans >/dev/null 2>&1 || true
dc up -d --build "${services[@]}" > "$out/compose-up.log" 2>&1 || { tail -40 "$out/compose-up.log" >&2; fail "up failed"; }
wait_healthy 900
passed "$(dc ps -q | wc -l) containers: every long-running one healthy, every one-shot exited 0"

key=$(dc run --rm -T secrets-init operator-key 2>/dev/null | tr -d '\r')
[[ $key =~ ^pk_[A-Za-z0-9_-]{43}$ ]] || fail "no operator key from secrets-init: '$key'"

api() { # method url [body]: prints "<status> <body>"
  local method=$1 url=$2 body=${3:-}
  curl -s -o "$out/answer.json" -w '%{http_code}' -X "$method" "$url" -H "X-API-Key: $key" \
    -H 'Content-Type: application/json' ${body:+-d "$body"} || echo 000
}
await() { # seconds description command...: retries the command until it succeeds
  local seconds=$1 description=$2
  shift 2
  local deadline=$(( $(date +%s) + seconds ))
  until "$@"; do
    [[ $(date +%s) -lt $deadline ]] || fail "$description"
    sleep 2
  done
}
payment_is() { # id jq-condition
  [[ $(api GET "localhost:8083/api/v1/payments/$1") == 200 ]] && jq -e "$2" "$out/answer.json" >/dev/null
}

# ---------------------------------------------------------------- Try it
step "README Try it"
[[ $(api PUT localhost:8081/api/v1/fx-rates/USD '{"rateToBase":"0.92"}') == 202 ]] || fail "FX rate: $(cat "$out/answer.json")"
[[ $(api PUT localhost:8081/api/v1/accounts/acc-1 '{"homeCountry":"DE","riskTier":"LOW","dailyLimit":"5000.00","currency":"EUR"}') == 202 ]] \
  || fail "profile"
sleep 2 # reference data reaches the processor asynchronously (README: a payment in the same instant may beat it)
payment() { # id amount currency country [occurredAt]
  echo "{\"paymentId\":\"$1\",\"accountId\":\"acc-1\",\"amount\":\"$2\",\"currency\":\"$3\",\"merchantId\":\"m-42\",\"merchantCategory\":\"5411\",\"country\":\"$4\",\"channel\":\"ECOMMERCE\"${5:+,\"occurredAt\":\"$5\"}}"
}
[[ $(api POST localhost:8081/api/v1/payments "$(payment p-1 120.00 USD DE)") == 202 ]] || fail "p-1: $(cat "$out/answer.json")"
[[ $(curl -s -o /dev/null -w '%{http_code}' localhost:8083/api/v1/payments/p-1) == 401 ]] || fail "no 401 without key"
await 60 "p-1 not queryable" payment_is p-1 '.status == "ACCEPTED" and .amountBase == "110.40"'
[[ $(api POST localhost:8081/api/v1/payments "$(payment p-2 6000.00 EUR FR)") == 202 ]] || fail "p-2"
[[ $(api POST localhost:8081/api/v1/payments "$(payment p-1 120.00 USD DE)") == 202 ]] || fail "p-1 retry"
await 60 "p-2 not flagged with three alerts" payment_is p-2 '.status == "FLAGGED" and (.alertIds | length) == 3'
[[ $(api GET 'localhost:8083/api/v1/alerts?accountId=acc-1') == 200 ]] || fail "alerts"
rules=$(jq -r '[.[].rule] | sort | join(",")' "$out/answer.json")
[[ $rules == DAILY_LIMIT,IMPOSSIBLE_TRAVEL,LARGE_AMOUNT ]] || fail "alerts of acc-1: $rules"
[[ $(api POST localhost:8081/api/v1/payments "$(payment p-3 15.00 EUR DE "$(date -u -d '1 hour ago' +%Y-%m-%dT%H:%M:%SZ)")") == 202 ]] \
  || fail "p-3"
await 60 "p-3 not stored late" payment_is p-3 '.status == "ACCEPTED" and .late == true'
window_closed() {
  [[ $(api GET localhost:8083/api/v1/accounts/acc-1/activity) == 200 ]] \
    && jq -e '(map(.count) | add) == 2 and (map(.totalBase | tonumber) | add) == 6110.4' "$out/answer.json" >/dev/null
}
# p-1 and p-2 are in one window or two, as the minute turns between them; p-3 is late, in none.
await 240 "the windows of p-1 and p-2 did not close" window_closed
passed "FX rate, profile, p-1 (401 without key), p-2 FLAGGED with DAILY_LIMIT, IMPOSSIBLE_TRAVEL, LARGE_AMOUNT, retry of p-1 \
accepted, p-3 an hour old stored late, closed windows with p-1 and p-2 (count 2, total 6110.40)"

# ---------------------------------------------------------------- demo profile
step "Demo profile (simulation with the demo key)"
dc --profile demo run --rm --no-deps -T demo > "$out/demo.json" 2> "$out/demo.err" || fail "demo: $(cat "$out/demo.json" "$out/demo.err")"
jq -e '.id != null' "$out/demo.json" >/dev/null || fail "demo answered $(cat "$out/demo.json")"
demo_key=$(dc run --rm -T secrets-init demo-key 2>/dev/null | tr -d '\r')
status=$(curl -s -o /dev/null -w '%{http_code}' -X PUT localhost:8081/api/v1/fx-rates/USD -H "X-API-Key: $demo_key" \
  -H 'Content-Type: application/json' -d '{"rateToBase":"1"}')
[[ $status == 403 ]] || fail "the demo key may set FX rates ($status)"
simulation=$(jq -r .id "$out/demo.json")
simulating() {
  curl -s "localhost:8081/api/v1/simulations/$simulation" -H "X-API-Key: $demo_key" > "$out/simulation.json" \
    && jq -e '.state == "RUNNING" and .sent >= 100' "$out/simulation.json" >/dev/null
}
await 120 "the demo simulation sends no payments: $(cat "$out/simulation.json" 2>/dev/null)" simulating
passed "simulation started with the demo key and sending ($(jq -r .sent "$out/simulation.json") payments acknowledged \
so far); the demo key gets 403 on PUT /fx-rates"

# ---------------------------------------------------------------- bad input
step "Bad input: a problem detail, poison records in both DLQs"
admin() { docker exec -i "$(container_of kafka-1)" bash /opt/paymon/kafka-admin.sh "$@"; }
prometheus_value() { # PromQL: prints the first sample's value, or nothing
  curl -s "localhost:9090/api/v1/query" --data-urlencode "query=$1" | jq -r '.data.result[0].value[1] // empty'
}
[[ $(api POST localhost:8081/api/v1/payments '{"paymentId":"bad-1","amount":"-1"}') == 400 ]] \
  && jq -e '.status == 400 and (.detail | length > 0)' "$out/answer.json" >/dev/null || fail "no 400 problem for a bad payment"
for topic in payments.initiated.v1 payments.enriched.v1; do
  printf 'poison-smoke:{not json\n' | admin kafka-console-producer.sh --bootstrap-server localhost:19092 --topic "$topic" \
    --property parse.key=true --property key.separator=: || fail "cannot write a poison record to $topic"
done
dead_lettered() {
  [[ -n $(prometheus_value 'sum(paymon_processor_dlq_records_total{reason="UNDECODABLE"}) >= 1') \
    && -n $(prometheus_value 'sum(paymon_subscriber_dead_letters_total{reason="UNDECODABLE"}) >= 1') \
    && -n $(prometheus_value 'sum(paymon_processor_duplicates_total) >= 1') ]]
}
await 120 "poison records not counted as dead letters (or p-1's retry not as a duplicate)" dead_lettered
passed "400 problem for a bad payment; {not json on payments.initiated.v1 and payments.enriched.v1 dead-lettered \
UNDECODABLE by the processor and the subscriber; p-1's retry counted as a duplicate"

# ---------------------------------------------------------------- Kafka from the host
step "Kafka's external listener: no super user login"
scram_login() { # user password: tries a SCRAM-SHA-512 login on kafka-1's EXTERNAL listener (localhost:9092)
  docker exec -i "$(container_of kafka-1)" bash -c 'umask 077; f=$(mktemp); printf "%s\n" \
    "security.protocol=SASL_PLAINTEXT" "sasl.mechanism=SCRAM-SHA-512" \
    "sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username=\"$1\" password=\"$2\";" > "$f"
    KAFKA_OPTS="" KAFKA_HEAP_OPTS=-Xmx64m timeout 60 /opt/kafka/bin/kafka-broker-api-versions.sh \
      --bootstrap-server localhost:9092 --command-config "$f" > /dev/null 2>&1; status=$?; rm -f "$f"; exit $status' \
    _ "$1" "$2"
}
publisher_password=$(docker exec "$(container_of kafka-1)" cat /run/secrets/paymon/PUBLISHER_KAFKA_PASSWORD)
admin_password=$(docker exec "$(container_of kafka-1)" cat /run/secrets/paymon/KAFKA_ADMIN_PASSWORD)
scram_login publisher "$publisher_password" || fail "the publisher's SCRAM login is refused on EXTERNAL"
! scram_login admin "$admin_password" || fail "admin logs in on EXTERNAL"
passed "on localhost:9092 the publisher's SCRAM user logs in, admin with its password does not"

# ---------------------------------------------------------------- dashboards
step "Prometheus targets and every dashboard query"
./mvnw -B -q -ntp -pl system-tests -am verify -DskipTests=false -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=ComposeStackChecks -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dpaymon.compose.prometheus=http://127.0.0.1:9090 -Dpaymon.compose.postgres-container="$(container_of postgres)" \
  -Dpaymon.compose.database="$(grep '^POSTGRES_DB=' .env | cut -d= -f2)" > "$out/compose-checks.log" 2>&1 \
  || { grep -E '\[compose\]|FAIL|Expecting|no series|no row|invalid' "$out/compose-checks.log" | head -30 >&2; fail "ComposeStackChecks"; }
passed "$(grep -h '\[compose\]' system-tests/target/failsafe-reports/*ComposeStackChecks-output.txt \
  | sed 's/\[compose\] //' | paste -sd ';' -)"

# ---------------------------------------------------------------- scale
step "--scale processor-service=2"
dc up -d --no-deps --no-recreate --scale processor-service=2 processor-service >> "$out/compose-up.log" 2>&1 || fail "scale up"
wait_healthy 300
two_members() {
  admin kafka-consumer-groups.sh --bootstrap-server localhost:19092 --describe --group paymon-processor \
    > "$out/processor-group.txt" 2>/dev/null || return 1
  [[ $(awk '$2 == "payments.initiated.v1" && $7 != "-" {print $7}' "$out/processor-group.txt" | sort -u | wc -l) -eq 2 ]]
}
await 180 "the two processors do not share payments.initiated.v1" two_members
partitions=$(awk '$2 == "payments.initiated.v1" {print $7}' "$out/processor-group.txt" | sort | uniq -c | awk '{print $1}' | paste -sd '+' -)
dc up -d --no-deps --no-recreate --scale processor-service=1 processor-service >> "$out/compose-up.log" 2>&1 || fail "scale down"
passed "payments.initiated.v1 split between two instances ($partitions partitions)"

# ---------------------------------------------------------------- broker killed under load
step "A broker killed under load"
ingest_key=$(dc run --rm -T secrets-init ingest-key 2>/dev/null | tr -d '\r')
leader=$(admin kafka-topics.sh --bootstrap-server localhost:19092 --describe --topic payments.initiated.v1 2>/dev/null \
  | awk '/Partition: 0/ {for (i = 1; i <= NF; i++) if ($i == "Leader:") print $(i + 1)}')
[[ $leader =~ ^[123]$ ]] || fail "no leader of payments.initiated.v1-0 ($leader)"
: > "$out/acknowledged.txt"
load() { # worker: sends single payments until the stop file exists, records each acknowledged id
  local n=0 id
  while [[ ! -e $out/stop-load ]]; do
    n=$((n + 1)); id="kill-$1-$n"
    if [[ $(curl -s -o /dev/null -w '%{http_code}' --max-time 30 -X POST localhost:8081/api/v1/payments \
        -H "X-API-Key: $ingest_key" -H 'Content-Type: application/json' \
        -d "{\"paymentId\":\"$id\",\"accountId\":\"kill-acc-$((n % 50))\",\"amount\":\"1.00\",\"currency\":\"EUR\",\"merchantId\":\"m-1\",\"merchantCategory\":\"5411\",\"country\":\"DE\",\"channel\":\"ECOMMERCE\"}") == 202 ]]; then
      echo "$id" >> "$out/acknowledged-$1.txt"
    fi
  done
}
rm -f "$out"/stop-load "$out"/acknowledged-*.txt
for worker in 1 2 3 4; do load "$worker" & done
sleep 10
docker kill "$(container_of "kafka-$leader")" > /dev/null
sleep 20
dc start "kafka-$leader" > /dev/null 2>&1
sleep 10
touch "$out/stop-load"
wait
cat "$out"/acknowledged-*.txt | sort > "$out/acknowledged.txt"
acknowledged=$(wc -l < "$out/acknowledged.txt")
[[ $acknowledged -gt 100 ]] || fail "only $acknowledged payments acknowledged"
db() { docker exec "$(container_of postgres)" sh -c 'psql -U "$POSTGRES_USER" -d "$POSTGRES_DB" -tA -c "$0"' "$1"; }
all_stored() {
  db "SELECT payment_id FROM payments WHERE payment_id LIKE 'kill-%'" | sort > "$out/stored.txt"
  [[ -z $(comm -23 "$out/acknowledged.txt" "$out/stored.txt") ]]
}
await 300 "acknowledged payments missing: $(comm -23 "$out/acknowledged.txt" "$out/stored.txt" 2>/dev/null | wc -l)" all_stored
duplicates=$(db "SELECT COUNT(*) - COUNT(DISTINCT payment_id) FROM payments WHERE payment_id LIKE 'kill-%'")
wait_healthy 300
passed "kafka-$leader (leader of payments.initiated.v1-0) killed 10 s into 40 s of load and restarted: $acknowledged \
acknowledged, 0 missing, $duplicates duplicate rows"

# ---------------------------------------------------------------- alerting
step "Processor stopped: its alert reaches Alertmanager"
dc stop processor-service > /dev/null 2>&1
alert_active() {
  curl -s 'localhost:9095/api/v2/alerts?active=true' \
    | jq -e 'map(select(.labels.alertname == "PaymonProcessorMissing" or .labels.alertname == "PaymonServiceDown")) | length > 0' \
    >/dev/null
}
await 300 "no processor alert in Alertmanager" alert_active
fired=$(curl -s 'localhost:9095/api/v2/alerts?active=true' | jq -r '[.[].labels.alertname] | unique | join(", ")')
dc start processor-service > /dev/null 2>&1
wait_healthy 300
passed "active in Alertmanager: $fired"

# ---------------------------------------------------------------- down, up
step "docker compose down, then up: data and keys kept"
payments_before=$(db "SELECT COUNT(*) FROM payments")
dc down > /dev/null 2>&1
dc up -d "${services[@]}" >> "$out/compose-up.log" 2>&1 || fail "up after down"
wait_healthy 600
[[ $(dc run --rm -T secrets-init operator-key 2>/dev/null | tr -d '\r') == "$key" ]] || fail "the operator key changed"
await 60 "p-1 gone after down/up" payment_is p-1 '.status == "ACCEPTED"'
payments_after=$(db "SELECT COUNT(*) FROM payments")
[[ $payments_after -ge $payments_before ]] || fail "payments $payments_before before, $payments_after after"
passed "same operator key, p-1 queryable with it, $payments_after payments ($payments_before before; the simulation \
of the demo profile ended with its publisher container)"

step "docker compose down -v, then up: a clean start"
dc down -v > /dev/null 2>&1
dc up -d "${services[@]}" >> "$out/compose-up.log" 2>&1 || fail "up after down -v"
wait_healthy 900
new_key=$(dc run --rm -T secrets-init operator-key 2>/dev/null | tr -d '\r')
[[ $new_key != "$key" && $new_key =~ ^pk_ ]] || fail "the operator key was kept"
old=$(curl -s -o /dev/null -w '%{http_code}' localhost:8083/api/v1/payments/p-1 -H "X-API-Key: $key")
key=$new_key
[[ $old == 401 && $(api GET localhost:8083/api/v1/payments/p-1) == 404 && $(db "SELECT COUNT(*) FROM payments") == 0 ]] \
  || fail "not clean: old key $old"
passed "new operator key (the old one gets 401), p-1 unknown (404), no payment stored"

dc down -v > /dev/null 2>&1
print_summary "every check passed"
