#!/bin/bash
# Stand-in for bin/kafka-transactions.sh of Kafka 4.1: runs org.apache.kafka.tools.TransactionsCommand through kafka-run-class.sh.
exec "$(dirname "$0")/kafka-run-class.sh" org.apache.kafka.tools.TransactionsCommand "$@"
