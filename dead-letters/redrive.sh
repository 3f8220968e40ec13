#!/usr/bin/env bash
# Sends the records of the dead-letter topic back to the topic each was read from, once the cause is fixed:
#   dead-letters/redrive.sh [--bootstrap-servers host:9092] [--topic voc.feedback.dlq] [--group voc-dead-letter-redrive]
#                           [--service sentiment-service] [--reason-contains TEXT] [--dry-run]
# The broker defaults to $KAFKA_BOOTSTRAP_SERVERS, else localhost:9092 (./run-local.sh's).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -DskipTests -pl dead-letters -am package
exec java -cp "dead-letters/target/classes:$(cat dead-letters/target/runtime-classpath.txt)" \
  io.github.vocstream.deadletters.DeadLetterRedrive "$@"
