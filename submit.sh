#!/usr/bin/env bash
# saddlesweep's one entry point: wraps spark-submit.
#
#   ./submit.sh [SPARK OPTIONS] SUBCOMMAND [ARGS]
#
#   ./submit.sh sweep jobs/quickstart.yaml                       local, all cores
#   ./submit.sh --master spark://host:7077 --executor-memory 2g sweep jobs/paper.yaml --out /shared/results
#   ./submit.sh query results "select status, count(*) from runs group by status"
#   ./submit.sh train --help                                      (train, verify-gd and bench start without Spark)
#   ./submit.sh --master 'local[32]' bench --replay durations.txt  (bench with Spark options: through Spark)
#
# Spark options (everything before the subcommand) go to spark-submit unchanged. With $SPARK_HOME set, its
# bin/spark-submit is used; otherwise Spark's SparkSubmit class runs from the project's Maven dependencies
# (default master local[*]). The jar is built when missing or older than the sources.
#
# Environment:
#   SPARK_HOME             use this Spark installation's spark-submit
#   JAVA_OPTS              extra JVM options for the local driver (e.g. -Xmx8g)
#   MAVEN_ARGS             extra Maven options for the build (e.g. -o)
#   SADDLESWEEP_JAR        use this application jar instead of target/saddlesweep.jar (no build)
#   SADDLESWEEP_CLASSPATH  runtime class path (Spark and dependencies) instead of target/classpath.txt
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
MAIN=saddlesweep.cli.Main
read -r -a JVM_FLAGS < "$ROOT/conf/jvm-flags"
LOG_FLAG="-Dlog4j2.configurationFile=$ROOT/conf/log4j2.properties"
PROPS="$ROOT/conf/spark-defaults.conf"

die() { echo "submit.sh: $*" >&2; exit 2; }

# --- split: Spark options, then the subcommand and its arguments
spark_opts=()
master_given=false
driver_memory=""
while (($#)); do
    case "$1" in
        sweep|train|verify-gd|query|report|bench|-h|--help|-V|--version) break ;;
        --verbose|-v|--supervise) spark_opts+=("$1"); shift ;;
        --*=*)
            [[ "$1" == --master=* ]] && master_given=true
            [[ "$1" == --driver-memory=* ]] && driver_memory="${1#--driver-memory=}"
            spark_opts+=("$1"); shift ;;
        --*)
            (($# >= 2)) || die "spark option $1 needs a value"
            [[ "$1" == --master ]] && master_given=true
            [[ "$1" == --driver-memory ]] && driver_memory="$2"
            spark_opts+=("$1" "$2"); shift 2 ;;
        *) die "unknown subcommand '$1' (expected sweep, train, verify-gd, query, report or bench)" ;;
    esac
done
(($#)) || die "usage: ./submit.sh [SPARK OPTIONS] sweep|train|verify-gd|query|report|bench [ARGS]"

# --- the application jar and the runtime class path (Spark is 'provided': not in the jar)
mvn_build() { (cd "$ROOT" && mvn -B -q ${MAVEN_ARGS:-} "$@") >&2; }
if [[ -n "${SADDLESWEEP_JAR:-}" ]]; then
    JAR="$SADDLESWEEP_JAR"
    [[ -f "$JAR" ]] || die "SADDLESWEEP_JAR=$JAR: no such file"
else
    JAR="$ROOT/target/saddlesweep.jar"
    if [[ ! -f "$JAR" ]] || [[ -n "$(find "$ROOT/src/main" "$ROOT/pom.xml" -newer "$JAR" -print -quit 2>/dev/null)" ]]; then
        echo "submit.sh: building $JAR ..." >&2
        mvn_build package -DskipTests
    fi
fi
if [[ -n "${SADDLESWEEP_CLASSPATH:-}" ]]; then
    CP="$SADDLESWEEP_CLASSPATH"
else
    CP_FILE="$ROOT/target/classpath.txt"
    if [[ ! -f "$CP_FILE" ]] || [[ "$ROOT/pom.xml" -nt "$CP_FILE" ]]; then
        mvn_build dependency:build-classpath -Dmdep.includeScope=compile -Dmdep.outputFile="$CP_FILE"
    fi
    CP="$(cat "$CP_FILE")"
fi

read -r -a EXTRA_JAVA <<< "${JAVA_OPTS:-}"

# --- train, verify-gd, and bench without Spark options, need no spark-submit: start the JVM directly
# (bench with Spark options, e.g. --master 'local[32]' bench --replay FILE, goes through spark-submit)
case "$1" in
    train|verify-gd|bench|-h|--help|-V|--version)
        if ((${#spark_opts[@]} > 0)); then
            [[ "$1" == bench ]] || die "Spark options apply to sweep, query, report and bench, not to $1"
        else
            exec java "${JVM_FLAGS[@]}" "$LOG_FLAG" "${EXTRA_JAVA[@]+"${EXTRA_JAVA[@]}"}" -cp "$JAR:$CP" "$MAIN" "$@"
        fi
        ;;
esac

# --- sweep, query, report (and bench with Spark options): through spark-submit
if [[ -n "${SPARK_HOME:-}" ]]; then
    export SPARK_SUBMIT_OPTS="${SPARK_SUBMIT_OPTS:-} $LOG_FLAG"
    exec "$SPARK_HOME/bin/spark-submit" --properties-file "$PROPS" --class "$MAIN" \
        "${spark_opts[@]+"${spark_opts[@]}"}" "$JAR" "$@"
fi

master=()
$master_given || master=(--master 'local[*]')
heap=()
[[ -n "$driver_memory" ]] && heap=("-Xmx$driver_memory")
exec java "${JVM_FLAGS[@]}" "$LOG_FLAG" "${heap[@]+"${heap[@]}"}" "${EXTRA_JAVA[@]+"${EXTRA_JAVA[@]}"}" \
    -cp "$JAR:$CP" org.apache.spark.deploy.SparkSubmit \
    --properties-file "$PROPS" "${master[@]+"${master[@]}"}" --class "$MAIN" \
    "${spark_opts[@]+"${spark_opts[@]}"}" "$JAR" "$@"
