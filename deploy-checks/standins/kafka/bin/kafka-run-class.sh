#!/bin/bash
# Stand-in for bin/kafka-run-class.sh of the Kafka 4.1 distribution (apache/kafka bin/kafka-run-class.sh), written
# for the paymon stand-in image: the same environment variables with the same defaults, and the same java command
# line:  java $KAFKA_HEAP_OPTS $KAFKA_JVM_PERFORMANCE_OPTS $KAFKA_GC_LOG_OPTS $KAFKA_JMX_OPTS <log4j options>
#        -cp <libs/*> $KAFKA_OPTS <class> <arguments>
# Only the release layout (libs/) is supported; the source-tree class path and Cygwin handling are left out.

if [ $# -lt 1 ]; then
  echo "USAGE: $0 [-daemon] [-name servicename] [-loggc] classname [opts]"
  exit 1
fi

base_dir=$(dirname "$0")/..

# Class path: every file of libs/ but test, source and documentation jars (INCLUDE_TEST_JARS=true keeps those).
CLASSPATH=""
shopt -s nullglob
for file in "$base_dir"/libs/*; do
  if [ "${INCLUDE_TEST_JARS:-false}" != true ] && [[ $file =~ -(test|test-sources|src|scaladoc|javadoc)\.jar$|jar\.asc$ ]]; then
    continue
  fi
  CLASSPATH="$CLASSPATH:$file"
done
shopt -u nullglob
CLASSPATH=${CLASSPATH#:}
if [ -z "$CLASSPATH" ]; then
  echo "Classpath is empty: $base_dir/libs holds no jar" >&2
  exit 1
fi

# JMX: local access without authentication unless KAFKA_JMX_OPTS says otherwise; JMX_PORT opens a remote port
# (and the RMI port with it, for clients outside the container).
if [ -z "$KAFKA_JMX_OPTS" ]; then
  KAFKA_JMX_OPTS="-Dcom.sun.management.jmxremote -Dcom.sun.management.jmxremote.authenticate=false  -Dcom.sun.management.jmxremote.ssl=false "
fi
if [ -n "$JMX_PORT" ]; then
  KAFKA_JMX_OPTS="$KAFKA_JMX_OPTS -Dcom.sun.management.jmxremote.port=$JMX_PORT "
  if [[ $KAFKA_JMX_OPTS != *-Dcom.sun.management.jmxremote.rmi.port=* ]]; then
    KAFKA_JMX_OPTS="$KAFKA_JMX_OPTS -Dcom.sun.management.jmxremote.rmi.port=$JMX_PORT"
  fi
fi

# Logs: LOG_DIR (default <kafka>/logs) is passed as kafka.logs.dir. Without KAFKA_LOG4J_OPTS this is a tool: it logs
# to the console with config/tools-log4j2.yaml.
if [ -z "$LOG_DIR" ]; then
  LOG_DIR="$base_dir/logs"
fi
if [ -z "$KAFKA_LOG4J_OPTS" ]; then
  KAFKA_LOG4J_OPTS="-Dlog4j2.configurationFile=$base_dir/config/tools-log4j2.yaml"
else
  if [[ $KAFKA_LOG4J_OPTS =~ log4j\.[^[:space:]]+(\.properties|\.xml)$ ]]; then
    echo "DEPRECATED: KAFKA_LOG4J_OPTS names a Log4j 1.x configuration; Kafka 4 reads Log4j 2 configurations." >&2
  fi
  mkdir -p "$LOG_DIR"
fi
KAFKA_LOG4J_CMD_OPTS="-Dkafka.logs.dir=$LOG_DIR $KAFKA_LOG4J_OPTS"

# Debugging: KAFKA_DEBUG=y adds a JDWP agent (JAVA_DEBUG_PORT, default 5005; DEBUG_SUSPEND_FLAG; JAVA_DEBUG_OPTS).
if [ -n "$KAFKA_DEBUG" ]; then
  JAVA_DEBUG_PORT=${JAVA_DEBUG_PORT:-5005}
  JAVA_DEBUG_OPTS=${JAVA_DEBUG_OPTS:-"-agentlib:jdwp=transport=dt_socket,server=y,suspend=${DEBUG_SUSPEND_FLAG:-n},address=$JAVA_DEBUG_PORT"}
  echo "Enabling Java debug options: $JAVA_DEBUG_OPTS"
  KAFKA_OPTS="$JAVA_DEBUG_OPTS $KAFKA_OPTS"
fi

if [ -z "$JAVA_HOME" ]; then
  JAVA="java"
else
  JAVA="$JAVA_HOME/bin/java"
fi

# Memory and JVM defaults of the distribution (the server start script sets its own heap).
if [ -z "$KAFKA_HEAP_OPTS" ]; then
  KAFKA_HEAP_OPTS="-Xmx256M"
fi
if [ -z "$KAFKA_JVM_PERFORMANCE_OPTS" ]; then
  KAFKA_JVM_PERFORMANCE_OPTS="-server -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:InitiatingHeapOccupancyPercent=35 -XX:+ExplicitGCInvokesConcurrent -XX:MaxInlineLevel=15 -Djava.awt.headless=true"
fi

# Launcher options before the class name.
DAEMON_MODE=false
GC_LOG_ENABLED=false
DAEMON_NAME=""
while [ $# -gt 0 ]; do
  case $1 in
    -name)
      DAEMON_NAME=$2
      CONSOLE_OUTPUT_FILE=$LOG_DIR/$DAEMON_NAME.out
      shift 2
      ;;
    -loggc)
      if [ -z "$KAFKA_GC_LOG_OPTS" ]; then
        GC_LOG_ENABLED=true
      fi
      shift
      ;;
    -daemon)
      DAEMON_MODE=true
      shift
      ;;
    *)
      break
      ;;
  esac
done

# GC log (JDK 9+ unified logging), rotated like the distribution's.
if [ "$GC_LOG_ENABLED" = true ]; then
  KAFKA_GC_LOG_OPTS="-Xlog:gc*:file=$LOG_DIR/$DAEMON_NAME-gc.log:time,tags:filecount=10,filesize=100M"
fi

# The option variables are split into words on purpose, as in the distribution's script.
# shellcheck disable=SC2086
if [ "$DAEMON_MODE" = true ]; then
  nohup "$JAVA" $KAFKA_HEAP_OPTS $KAFKA_JVM_PERFORMANCE_OPTS $KAFKA_GC_LOG_OPTS $KAFKA_JMX_OPTS $KAFKA_LOG4J_CMD_OPTS \
    -cp "$CLASSPATH" $KAFKA_OPTS "$@" > "$CONSOLE_OUTPUT_FILE" 2>&1 < /dev/null &
else
  exec "$JAVA" $KAFKA_HEAP_OPTS $KAFKA_JVM_PERFORMANCE_OPTS $KAFKA_GC_LOG_OPTS $KAFKA_JMX_OPTS $KAFKA_LOG4J_CMD_OPTS \
    -cp "$CLASSPATH" $KAFKA_OPTS "$@"
fi
