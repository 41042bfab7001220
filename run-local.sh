#!/usr/bin/env sh
# Builds the services (tests skipped) and starts the whole pipeline locally:
# a real Kafka broker (KRaft) and the publisher, processor and subscriber as separate JVMs.
# Needs only a JDK 17+. Ctrl-C stops everything; data stays in .local/ (pass --reset to wipe it).
set -e
cd "$(dirname "$0")"
./mvnw -q -B -Dmaven.test.skip=true package -pl local-launcher,publisher-service,processor-service,subscriber-service -am
exec java -Dpaymon.root="$(pwd)" -cp "local-launcher/target/local-launcher.jar:local-launcher/target/lib/*" \
  dev.paymon.launcher.LocalLauncher "$@"
