#!/usr/bin/env bash
# Builds and runs a benchmark program, printing its figures.
#   bench/run.sh sentiment [--limit N] [--data DIR]      stock CoreNLP vs ours: accuracy, macro-F1, documents/s
#   bench/run.sh sentiment-service [--instances 1,2]    the service on a real broker: records/s, memory
#   bench/run.sh aggregator [--events N] [--threads N] [--set k=v,...]  the aggregator on a real broker, without and with themes: events/s (whole run, second half, warm batch), service CPU per event
#   bench/run.sh worst-document [--runs N]               CPU time of the costliest 20,000-character documents
#   bench/run.sh ingest [--clients N] [--seconds S] [--publishers N] [--client keep-alive|jdk] the ingest service on a real broker: requests/s, items/s, p50/p99 of the 202, service CPU per request
#   bench/run.sh spikes [--months N] [--rate-threshold H] [--share-threshold H]  the alert detector on simulated months: false alerts, delay
#   bench/run.sh emerging [--terms N] [--clients N] [--seconds S] [--cache 1s|0s]  /emerging at 200,000 terms: p50/p99 (and /sentiment), store size, agreement
#   bench/run.sh language [--data DIR] [--examples N]     language detection: memory, cost per document, English read as English, short texts
#   bench/run.sh live [--probes N] [--load R]            the three services: time from posting an item to the live summary that counts it
set -euo pipefail
cd "$(dirname "$0")/.."
case "${1:-}" in
  sentiment) main=io.github.vocstream.benchmarks.SentimentBenchmark ;;
  sentiment-service) main=io.github.vocstream.benchmarks.SentimentServiceThroughput ;;
  aggregator) main=io.github.vocstream.benchmarks.AggregatorThroughput ;;
  worst-document) main=io.github.vocstream.benchmarks.WorstDocument ;;
  ingest) main=io.github.vocstream.benchmarks.IngestThroughput ;;
  live) main=io.github.vocstream.benchmarks.LiveFreshness ;;
  language) main=io.github.vocstream.benchmarks.LanguageDetection ;;
  spikes) main=io.github.vocstream.benchmarks.SpikeDetection ;;
  emerging) main=io.github.vocstream.benchmarks.EmergingAtScale ;;
  *) echo "usage: bench/run.sh sentiment|sentiment-service|aggregator|worst-document|ingest|live|language|spikes|emerging [options]" >&2; exit 2 ;;
esac
shift
./mvnw -q -DskipTests -pl benchmarks -am package
exec java -Xmx6g -Dlogback.configurationFile=benchmarks/target/classes/logback-benchmarks.xml -cp "benchmarks/target/classes:$(cat benchmarks/target/runtime-classpath.txt)" "$main" "$@"
