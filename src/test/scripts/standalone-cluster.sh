#!/usr/bin/env bash
# A real Spark standalone cluster on 127.0.0.1 from the Maven jars alone: one master, two workers of one
# core each (separate JVMs, as are their executors). Runs two sweeps through ./submit.sh --master spark://…
#   1. CLEAN_JOB, undisturbed;
#   2. KILL_JOB, with one executor JVM (CoarseGrainedExecutorBackend) killed by SIGKILL after the first
#      committed chunk; Spark reruns its tasks elsewhere and the sweep must still complete.
# Each must end with exit 0 and every task committed; the results land in WORK/out for the caller to compare
# with a local sweep. Master, workers and executors are always stopped (trap), and the whole script is
# bounded by TIMEOUT seconds (default 600).
#
# Usage: src/test/scripts/standalone-cluster.sh WORK [CLEAN_JOB.yaml KILL_JOB.yaml]
# Env:   SADDLESWEEP_JAR, SADDLESWEEP_CLASSPATH (default: target/saddlesweep.jar, target/classpath.txt)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
WORK="$(mkdir -p "${1:?usage: standalone-cluster.sh WORK [CLEAN_JOB KILL_JOB]}" && cd "$1" && pwd)"
TIMEOUT="${TIMEOUT:-600}"
DEADLINE=$((SECONDS + TIMEOUT))

log() { echo "[cluster] $*" >&2; }
fail() { log "FAIL: $*"; exit 1; }

if [[ $# -ge 3 ]]; then
    CLEAN_JOB="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"
    KILL_JOB="$(cd "$(dirname "$3")" && pwd)/$(basename "$3")"
else
    CLEAN_JOB="$WORK/cluster.yaml"; KILL_JOB="$WORK/cluster-kill.yaml"
    for name in cluster cluster-kill; do
        cat > "$WORK/$name.yaml" <<EOF
name: $name
teacher: {w: [1.0], v: [1.0]}
n: [20]
sigma2: [0.01]
hidden: [1, 2]
data_seed: {from: 1, count: 2}
init_seed: {from: 1, count: 2}
training: {eta: 0.05, init_scale: 0.1, max_steps: 2000}
chunk_size: 2
EOF
    done
fi

# --- jars: the application jar and the runtime class path (Spark included)
if [[ -z "${SADDLESWEEP_JAR:-}" || -z "${SADDLESWEEP_CLASSPATH:-}" ]]; then
    (cd "$ROOT" && mvn -B -q package -DskipTests \
        && mvn -B -q dependency:build-classpath -Dmdep.includeScope=compile -Dmdep.outputFile=target/classpath.txt) >&2
    export SADDLESWEEP_JAR="$ROOT/target/saddlesweep.jar"
    export SADDLESWEEP_CLASSPATH="$(cat "$ROOT/target/classpath.txt")"
fi
read -r -a JVM_FLAGS < "$ROOT/conf/jvm-flags"

# --- a SPARK_HOME made of symlinks: jars/ plus an empty RELEASE file (marks a binary distribution)
SPARK_DIR="$WORK/spark-home"
mkdir -p "$SPARK_DIR/jars"
IFS=: read -r -a CP_ENTRIES <<< "$SADDLESWEEP_CLASSPATH"
for j in "${CP_ENTRIES[@]}"; do
    [[ "$j" == *.jar && -f "$j" ]] && ln -sf "$j" "$SPARK_DIR/jars/"
done
touch "$SPARK_DIR/RELEASE"
export SPARK_SCALA_VERSION=2.13 SPARK_LOCAL_IP=127.0.0.1

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
PORT="$(free_port)"
MASTER="spark://127.0.0.1:$PORT"

DAEMONS=()
cleanup() {
    local status=$?
    for pid in "${DAEMONS[@]}"; do
        for child in $(pgrep -P "$pid" 2>/dev/null); do kill -9 "$child" 2>/dev/null || true; done
    done
    for pid in "${DAEMONS[@]}"; do kill "$pid" 2>/dev/null || true; done
    sleep 1
    for pid in "${DAEMONS[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
    log "master and workers stopped (exit $status)"
}
trap cleanup EXIT

daemon() { # NAME CLASS ARGS...
    local name="$1"; shift
    SPARK_HOME="$SPARK_DIR" java -Xmx512m "${JVM_FLAGS[@]}" -cp "$SPARK_DIR/jars/*" "$@" > "$WORK/$name.log" 2>&1 &
    DAEMONS+=($!)
}

wait_for() { # DESCRIPTION COMMAND...
    local what="$1"; shift
    until "$@"; do
        ((SECONDS < DEADLINE)) || fail "timed out waiting for $what"
        sleep 0.5
    done
}

log "master on $MASTER"
daemon master org.apache.spark.deploy.master.Master --host 127.0.0.1 --port "$PORT" --webui-port "$(free_port)"
wait_for "the master" grep -q "I have been elected leader" "$WORK/master.log"
for i in 1 2; do
    mkdir -p "$WORK/worker$i"
    daemon "worker$i" org.apache.spark.deploy.worker.Worker --host 127.0.0.1 --cores 1 --memory 1g \
        --work-dir "$WORK/worker$i" --webui-port "$(free_port)" "$MASTER"
done
workers_up() { (($(grep -c "Registering worker" "$WORK/master.log") >= 2)); }
wait_for "two workers" workers_up
log "two workers registered"

submit() { # LOGNAME ARGS...
    local name="$1"; shift
    env -u SPARK_HOME timeout "$((DEADLINE - SECONDS))" "$ROOT/submit.sh" --master "$MASTER" \
        --total-executor-cores 2 --executor-memory 512m --conf spark.ui.enabled=false \
        "$@" > "$WORK/$name.out" 2> "$WORK/$name.err"
}

# --- 1. an undisturbed sweep on the cluster
log "sweep 1: $(basename "$CLEAN_JOB")"
submit sweep1 sweep "$CLEAN_JOB" --out "$WORK/out" || fail "sweep 1 exited $? (see $WORK/sweep1.err)"
grep -q "complete," "$WORK/sweep1.err" || fail "sweep 1 did not complete"

# --- 2. one executor JVM killed mid-sweep
KILL_NAME="$(sed -n 's/^name: *//p' "$KILL_JOB")"
log "sweep 2: $(basename "$KILL_JOB"), killing an executor after the first committed chunk"
submit sweep2 sweep "$KILL_JOB" --out "$WORK/out" &
SUBMIT=$!
executors() { for w in "${DAEMONS[@]:1}"; do pgrep -P "$w" -f CoarseGrainedExecutorBackend || true; done; }
first_chunk() { compgen -G "$WORK/out/_sweeps/$KILL_NAME/commits/*.done" > /dev/null; }
wait_for "the first chunk of sweep 2" first_chunk
VICTIM="$(executors | head -1)"
[[ -n "$VICTIM" ]] || fail "no executor process found"
kill -9 "$VICTIM"
log "killed executor pid $VICTIM"
echo "$VICTIM" > "$WORK/killed-executor.pid"
wait "$SUBMIT" || fail "sweep 2 exited $? (see $WORK/sweep2.err)"
grep -q "complete," "$WORK/sweep2.err" || fail "sweep 2 did not complete"
grep -q "CoarseGrainedExecutorBackend\|lost\|Lost" "$WORK/sweep2.err" "$WORK"/worker*.log 2>/dev/null \
    || log "note: no executor loss in the logs"
log "OK: both sweeps complete in $WORK/out"
