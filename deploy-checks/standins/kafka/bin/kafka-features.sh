#!/bin/bash
# Stand-in for bin/kafka-features.sh of Kafka 4.1: runs org.apache.kafka.tools.FeatureCommand through kafka-run-class.sh.
exec "$(dirname "$0")/kafka-run-class.sh" org.apache.kafka.tools.FeatureCommand "$@"
