#!/usr/bin/env bash
# Rebuilds the sentiment model the service ships, with its provenance, from ../shared/data and VADER's lexicon:
#   sentiment-training/train.sh [--data DIR] [--sigma S] [--min-count N]
# The lexicon comes from the npm package vader-sentiment 1.1.3 (npm pack), checked against its SHA-256.
set -euo pipefail
cd "$(dirname "$0")/.."
lexicon=sentiment-training/target/lexicon
mkdir -p "$lexicon"
if [ ! -f "$lexicon/package/src/vader_lexicon.js" ]; then
  (cd "$lexicon" && npm pack --silent vader-sentiment@1.1.3 >/dev/null \
    && echo "de3c50aee6ffe2bc7929f50a69b0a3905d7b63f6fb103c2397517aff799851d2  vader-sentiment-1.1.3.tgz" | sha256sum -c --quiet \
    && tar xzf vader-sentiment-1.1.3.tgz)
fi
./mvnw -q -DskipTests -pl sentiment-training -am package
exec java -Xmx4g -Dlogback.configurationFile=benchmarks/src/main/resources/logback-benchmarks.xml \
  -cp "sentiment-training/target/classes:$(cat sentiment-training/target/runtime-classpath.txt)" \
  io.github.vocstream.sentiment.training.TrainModel --lexicon "$lexicon/package/src/vader_lexicon.js" "$@"
