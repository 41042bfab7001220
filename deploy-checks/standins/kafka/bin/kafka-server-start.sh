#!/bin/bash
# Stand-in for bin/kafka-server-start.sh of Kafka 4.1: the broker/controller (kafka.Kafka) with config/log4j2.yaml,
# a 1 GiB heap unless KAFKA_HEAP_OPTS is set, the name kafkaServer and a GC log; -daemon runs it in the background.
if [ $# -lt 1 ]; then
  echo "USAGE: $0 [-daemon] server.properties [--override property=value]*"
  exit 1
fi
base_dir=$(dirname "$0")

if [ -z "$KAFKA_LOG4J_OPTS" ]; then
  export KAFKA_LOG4J_OPTS="-Dlog4j2.configurationFile=$base_dir/../config/log4j2.yaml"
fi
if [ -z "$KAFKA_HEAP_OPTS" ]; then
  export KAFKA_HEAP_OPTS="-Xmx1G -Xms1G"
fi

EXTRA_ARGS=${EXTRA_ARGS-'-name kafkaServer -loggc'}
if [ "$1" = -daemon ]; then
  EXTRA_ARGS="-daemon $EXTRA_ARGS"
  shift
fi

# shellcheck disable=SC2086 # EXTRA_ARGS holds several launcher options
exec "$base_dir/kafka-run-class.sh" $EXTRA_ARGS kafka.Kafka "$@"
