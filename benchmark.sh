#!/usr/bin/env sh
# The benchmark, one command: builds what it needs (tests skipped), then starts its own Kafka broker, the three
# services and an echo endpoint on free ports, measures them against Kafka's own perf tools and the echo endpoint,
# and prints a markdown table (also written to benchmarks/target/benchmark-results.md). Progress goes to stderr.
# Options: --rounds=N (default 3), --quick (short runs), --only=kafka,http,batch,sustained,pipeline,startup,
# --out=FILE, --docs (also write the table into docs/benchmarks.md), --h2 (subscriber on H2 instead of a fresh
# PostgreSQL database paymon_bench on 127.0.0.1:5432).
# The default run takes about 30 minutes on a quiet 2-core machine.
set -e
cd "$(dirname "$0")"
./mvnw -q -B -Dmaven.test.skip=true package -pl benchmarks -am
exec java -Xmx512m -Dpaymon.root="$(pwd)" -cp "benchmarks/target/benchmarks.jar:benchmarks/target/lib/*" \
  dev.paymon.benchmark.Benchmark "$@"
