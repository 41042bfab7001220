#!/bin/bash
# Stand-in for bin/kafka-consumer-perf-test.sh of Kafka 4.1: runs org.apache.kafka.tools.ConsumerPerformance through kafka-run-class.sh.
if [ -z "$KAFKA_HEAP_OPTS" ]; then
  export KAFKA_HEAP_OPTS="-Xmx512M"
fi
exec "$(dirname "$0")/kafka-run-class.sh" org.apache.kafka.tools.ConsumerPerformance "$@"
