#!/usr/bin/env bash
# A real Spark standalone cluster on 127.0.0.1 from the Maven jars alone: one master, two workers of one
# core each (separate JVMs, as are their executors). Runs one sweep of JOB through ./submit.sh --master spark://…
# with one executor JVM (CoarseGrainedExecutorBackend) killed by SIGKILL after the first committed chunk (which
# the undisturbed cluster computed); Spark reruns the lost tasks elsewhere and the sweep must still complete.
# It must end with exit 0 and every task committed; the results land in WORK/out for the caller to compare
# with a local sweep. Master, workers and executors are always stopped (trap), and the whole script is
# bounded by TIMEOUT seconds (default 600). All its JVMs run the client compiler only
# (-XX:TieredStopAtLevel=1): they live for seconds, mostly starting up, and use 40 % less CPU so.
#
# Usage: src/test/scripts/standalone-cluster.sh WORK [JOB.yaml]
# Env:   SADDLESWEEP_JAR, SADDLESWEEP_CLASSPATH (default: target/saddlesweep.jar, target/classpath.txt),
#        JAVA_OPTS (the driver's; default: the client compiler only)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
WORK="$(mkdir -p "${1:?usage: standalone-cluster.sh WORK [JOB]}" && cd "$1" && pwd)"
TIMEOUT="${TIMEOUT:-600}"
DEADLINE=$((SECONDS + TIMEOUT))
CHILD_JIT="-XX:TieredStopAtLevel=1"
export JAVA_OPTS="${JAVA_OPTS:-$CHILD_JIT}"

log() { echo "[cluster] $*" >&2; }
fail() { log "FAIL: $*"; exit 1; }

if [[ $# -ge 2 ]]; then
    KILL_JOB="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"
else
    KILL_JOB="$WORK/cluster-kill.yaml"
    cat > "$KILL_JOB" <<EOF
name: cluster-kill
teacher: {w: [1.0], v: [1.0]}
n: [20]
sigma2: [0.01]
hidden: [1, 2]
data_seed: {from: 1, count: 2}
init_seed: {from: 1, count: 3}
training: {eta: 0.05, init_scale: 0.1, max_steps: 2000, tail: gd}
chunk_size: 5
EOF
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
    SPARK_HOME="$SPARK_DIR" java -Xmx512m "$CHILD_JIT" "${JVM_FLAGS[@]}" -cp "$SPARK_DIR/jars/*" "$@" > "$WORK/$name.log" 2>&1 &
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
        --conf spark.executor.defaultJavaOptions="$CHILD_JIT" \
        "$@" > "$WORK/$name.out" 2> "$WORK/$name.err"
}

# --- one executor JVM killed mid-sweep, after the first committed chunk
KILL_NAME="$(sed -n 's/^name: *//p' "$KILL_JOB")"
log "sweep: $(basename "$KILL_JOB"), killing an executor after the first committed chunk"
submit sweep sweep "$KILL_JOB" --out "$WORK/out" &
SUBMIT=$!
executors() { for w in "${DAEMONS[@]:1}"; do pgrep -P "$w" -f CoarseGrainedExecutorBackend || true; done; }
first_chunk() { compgen -G "$WORK/out/_sweeps/$KILL_NAME/commits/*.done" > /dev/null; }
wait_for "the first chunk" first_chunk
VICTIM="$(executors | head -1)"
[[ -n "$VICTIM" ]] || fail "no executor process found"
kill -9 "$VICTIM"
log "killed executor pid $VICTIM"
echo "$VICTIM" > "$WORK/killed-executor.pid"
wait "$SUBMIT" || fail "the sweep exited $? (see $WORK/sweep.err)"
grep -q "complete," "$WORK/sweep.err" || fail "the sweep did not complete"
grep -q "CoarseGrainedExecutorBackend\|lost\|Lost" "$WORK/sweep.err" "$WORK"/worker*.log 2>/dev/null \
    || log "note: no executor loss in the logs"
log "OK: the sweep is complete in $WORK/out"
