#!/bin/bash
# Stand-in for bin/kafka-share-groups.sh of Kafka 4.1: runs org.apache.kafka.tools.consumer.group.ShareGroupCommand through kafka-run-class.sh.
exec "$(dirname "$0")/kafka-run-class.sh" org.apache.kafka.tools.consumer.group.ShareGroupCommand "$@"
