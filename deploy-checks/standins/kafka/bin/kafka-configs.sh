#!/bin/bash
# Stand-in for bin/kafka-configs.sh of Kafka 4.1: runs kafka.admin.ConfigCommand through kafka-run-class.sh.
exec "$(dirname "$0")/kafka-run-class.sh" kafka.admin.ConfigCommand "$@"
