#!/bin/bash
# Stand-in for bin/kafka-dump-log.sh of Kafka 4.1: runs kafka.tools.DumpLogSegments through kafka-run-class.sh.
exec "$(dirname "$0")/kafka-run-class.sh" kafka.tools.DumpLogSegments "$@"
