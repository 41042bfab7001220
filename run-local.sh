#!/usr/bin/env sh
# Builds the services (tests skipped) and starts the whole pipeline locally:
# a real Kafka broker (KRaft) and the publisher, processor and subscriber as separate JVMs.
# Needs only a JDK 17+. Ctrl-C stops everything; data stays in .local/ (pass --reset to wipe it).
# Every /api/v1 call needs the API key it prints (kept in .local/api-key, mode 0600; --new-key replaces it):
#   export PAYMON_API_KEY=$(cat .local/api-key)
set -e
cd "$(dirname "$0")"
./mvnw -q -B -Dmaven.test.skip=true package -pl local-launcher,publisher-service,processor-service,subscriber-service -am
exec java -Dpaymon.root="$(pwd)" -cp "local-launcher/target/local-launcher.jar:local-launcher/target/lib/*" \
  dev.paymon.launcher.LocalLauncher "$@"
