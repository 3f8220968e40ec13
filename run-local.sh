#!/usr/bin/env bash
# Runs the whole system on this machine: a real Kafka broker (KRaft), the three services and the sample reviews.
# Needs only a JDK 17+ and access to Maven Central. Data stays in .voc-local/; Ctrl-C stops everything.
set -euo pipefail
cd "$(dirname "$0")"
./mvnw -q -DskipTests -pl local-stack -am package
exec java -Xmx1g -cp "local-stack/target/classes:$(cat local-stack/target/runtime-classpath.txt)" \
    io.github.vocstream.localstack.LocalStack
