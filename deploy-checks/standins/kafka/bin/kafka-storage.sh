#!/bin/bash
# Stand-in for bin/kafka-storage.sh of Kafka 4.1: runs kafka.tools.StorageTool through kafka-run-class.sh.
exec "$(dirname "$0")/kafka-run-class.sh" kafka.tools.StorageTool "$@"
