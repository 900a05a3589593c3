#!/usr/bin/env bash
# A real Apache Kafka broker for tests, without Docker: single-node KRaft
# (broker + controller in one JVM) run from jars that Maven resolves from pom.xml.
#
#   kafka.sh jars     resolve the broker jars into .jars/ (skipped when already resolved for this pom)
#   kafka.sh up       start a broker (or reuse a live one); prints exactly one stdout line:
#                       KAFKA_BROKERS=127.0.0.1:<port>
#   kafka.sh down     stop it (SIGTERM, SIGKILL after 20 s) and delete .run/
#   kafka.sh status   print KAFKA_BROKERS=... and exit 0 if a broker is alive, exit 1 otherwise
#
# Environment: KAFKA_PORT (default 19092), KAFKA_CONTROLLER_PORT (default 19093),
#              KAFKA_START_TIMEOUT seconds (default 90), KAFKA_HEAP (default 512m),
#              JAVA (default java from JAVA_HOME or PATH), MVN (default mvn).
# All messages except the KAFKA_BROKERS line go to stderr. Works from any cwd.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd -P)"
POM="$HERE/pom.xml"
JARS_DIR="$HERE/.jars"
RUN_ROOT="$HERE/.run"
PID_FILE="$RUN_ROOT/kafka.pid"
STATE_FILE="$RUN_ROOT/kafka.state"   # lines: port=, controller_port=, dir=

KAFKA_PORT="${KAFKA_PORT:-19092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-19093}"
KAFKA_START_TIMEOUT="${KAFKA_START_TIMEOUT:-90}"
KAFKA_HEAP="${KAFKA_HEAP:-512m}"
MVN="${MVN:-mvn}"
if [[ -n "${JAVA:-}" ]]; then :
elif [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then JAVA="$JAVA_HOME/bin/java"
else JAVA=java
fi

log() { printf 'kafka.sh: %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# One `up`/`down`/`jars` at a time (e.g. two jest runs starting together). The lock file
# lives outside the repo so `down` can delete .run/ freely. fd 9 must NOT leak into java.
lock() {
  local key
  key="$(printf '%s' "$HERE" | cksum | cut -d' ' -f1)"
  exec 9>"${TMPDIR:-/tmp}/saydo-kafka-test-broker-$key.lock"
  if command -v flock >/dev/null 2>&1; then
    flock -w 300 9 || die "could not take the kafka.sh lock within 300 s"
  fi
}

port_answers() { # port
  timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null
}

state_get() { # key
  [[ -f "$STATE_FILE" ]] || return 0
  sed -n "s/^$1=//p" "$STATE_FILE" | head -n1
}

# Prints the pid of our broker if it is alive (pid file, kill -0, really our kafka.Kafka).
live_pid() {
  [[ -f "$PID_FILE" ]] || return 1
  local pid
  pid="$(tr -dc '0-9' <"$PID_FILE")"
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || return 1
  # Guard against pid reuse: the process must be a kafka.Kafka JVM started from this folder.
  if [[ -r "/proc/$pid/cmdline" ]]; then
    local cmdline
    cmdline="$(tr '\0' ' ' 2>/dev/null <"/proc/$pid/cmdline" || true)"
    [[ "$cmdline" == *kafka.Kafka* ]] || return 1
  fi
  printf '%s\n' "$pid"
}

# Pids of brokers started from this folder whose pid file was lost (found by the exact
# -Dlog4j.configuration path this script passes, never by a broad process name).
orphan_pids() {
  local f pid cmdline
  for f in /proc/[0-9]*/cmdline; do
    pid="${f#/proc/}"; pid="${pid%/cmdline}"
    cmdline="$(tr '\0' ' ' 2>/dev/null <"$f" || true)"
    if [[ "$cmdline" == *"-Dlog4j.configuration=file:$RUN_ROOT/broker."*kafka.Kafka* ]]; then
      printf '%s\n' "$pid"
    fi
  done
}

log_tail() { # file
  local f="$1"
  if [[ -f "$f" ]]; then
    if grep -qE '^\[[^]]*\] (ERROR|FATAL)|^Error|Exception' "$f"; then
      log "---- first error lines of $f ----"
      grep -E '^\[[^]]*\] (ERROR|FATAL)|^Error|Exception' "$f" | head -n 8 | cut -c1-400 >&2 || true
    fi
    log "---- last 60 lines of $f ----"
    tail -n 60 "$f" >&2 || true
    log "---- end of log ----"
  else
    log "(no log file at $f)"
  fi
}

cmd_jars() {
  local sum marker
  sum="$(sha256sum "$POM" | cut -c1-16)"
  marker="$JARS_DIR/.resolved-$sum"
  if [[ -f "$marker" ]]; then
    return 0
  fi
  command -v "$MVN" >/dev/null 2>&1 || die "maven ($MVN) not found on PATH; it is needed once to resolve the Kafka jars"
  log "resolving Kafka broker jars with Maven (pom checksum $sum) into $JARS_DIR ..."
  # Wipe first: jars of an older pom must never share the classpath with the new ones.
  rm -rf "$JARS_DIR"
  local start=$SECONDS
  # Maven 3.8 prints stray ANSI resets even with -B; strip them (pipefail keeps mvn's status).
  if ! (cd "$HERE" && "$MVN" -B -q -Dstyle.color=never -f "$POM" dependency:copy-dependencies \
          -DincludeScope=runtime -DoutputDirectory="$JARS_DIR" 2>&1 | sed 's/\x1b\[[0-9;]*m//g' >&2); then
    rm -rf "$JARS_DIR"
    die "mvn dependency:copy-dependencies failed (see output above)"
  fi
  local n
  n="$(find "$JARS_DIR" -maxdepth 1 -name '*.jar' | wc -l)"
  [[ "$n" -gt 0 ]] || die "maven resolved no jars into $JARS_DIR"
  touch "$marker"
  log "resolved $n jars in $((SECONDS - start)) s"
}

print_brokers() { printf 'KAFKA_BROKERS=127.0.0.1:%s\n' "$1"; }

stop_pid() { # pid
  local pid="$1" waited=0
  kill -TERM "$pid" 2>/dev/null || return 0
  while kill -0 "$pid" 2>/dev/null; do
    if (( waited >= 200 )); then   # 20 s in 0.1 s steps
      log "broker pid $pid still alive after 20 s, sending SIGKILL"
      kill -KILL "$pid" 2>/dev/null || true
      sleep 0.5
      break
    fi
    sleep 0.1
    waited=$((waited + 1))
  done
}

cmd_up() {
  lock
  local pid port
  if pid="$(live_pid)"; then
    port="$(state_get port)"
    if [[ -n "$port" ]] && port_answers "$port"; then
      [[ "$port" == "$KAFKA_PORT" ]] || log "note: reusing the running broker on port $port (KAFKA_PORT=$KAFKA_PORT ignored)"
      log "reusing running broker (pid $pid) on 127.0.0.1:$port"
      print_brokers "$port"
      return 0
    fi
    log "broker pid $pid is alive but port ${port:-?} does not answer; restarting it"
    stop_pid "$pid"
  fi
  for pid in $(orphan_pids); do
    log "stopping a broker from an earlier run whose pid file was lost (pid $pid)"
    stop_pid "$pid"
  done
  rm -rf "$RUN_ROOT"   # stale pid file / run dirs from a dead broker

  cmd_jars
  command -v "$JAVA" >/dev/null 2>&1 || die "java ($JAVA) not found; Kafka 3.9 needs Java 11+"

  port="$KAFKA_PORT"
  local cport="$KAFKA_CONTROLLER_PORT" p
  [[ "$port" != "$cport" ]] || die "KAFKA_PORT and KAFKA_CONTROLLER_PORT must differ"
  for p in "$port" "$cport"; do
    if port_answers "$p"; then
      die "port 127.0.0.1:$p is already in use by another process (not a broker started by this script); set KAFKA_PORT / KAFKA_CONTROLLER_PORT"
    fi
  done

  mkdir -p "$RUN_ROOT"
  local dir
  dir="$(mktemp -d "$RUN_ROOT/broker.XXXXXX")"
  local data="$dir/data" logfile="$dir/kafka.log" props="$dir/server.properties" l4j="$dir/log4j.properties"
  mkdir -p "$data" "$dir/logs"

  cat >"$props" <<EOF
# Generated by kafka.sh up: single-node KRaft test broker. Throwaway data.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$cport
listeners=PLAINTEXT://127.0.0.1:$port,CONTROLLER://127.0.0.1:$cport
advertised.listeners=PLAINTEXT://127.0.0.1:$port
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$data
num.partitions=1
default.replication.factor=1
min.insync.replicas=1
offsets.topic.replication.factor=1
offsets.topic.num.partitions=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=false
delete.topic.enable=true
num.network.threads=2
num.io.threads=4
EOF

  cat >"$l4j" <<EOF
log4j.rootLogger=INFO, file
log4j.appender.file=org.apache.log4j.FileAppender
log4j.appender.file.File=$logfile
log4j.appender.file.Append=true
log4j.appender.file.layout=org.apache.log4j.PatternLayout
log4j.appender.file.layout.ConversionPattern=[%d] %p %m (%c)%n
log4j.logger.org.apache.kafka=INFO
log4j.logger.kafka=INFO
log4j.logger.state.change.logger=WARN
log4j.logger.kafka.request.logger=WARN
log4j.logger.org.apache.kafka.controller=INFO
EOF

  printf 'port=%s\ncontroller_port=%s\ndir=%s\n' "$port" "$cport" "$dir" >"$STATE_FILE"

  local -a jvm=("$JAVA" "-Xmx$KAFKA_HEAP" -XX:+UseG1GC -Djava.awt.headless=true
    "-Dlog4j.configuration=file:$l4j" "-Dkafka.logs.dir=$dir/logs" -cp "$JARS_DIR/*")

  local start=$SECONDS out cluster_id
  # (JVM start-up errors such as a bad -Xmx are printed on stdout, so keep both streams.)
  if ! out="$("${jvm[@]}" kafka.tools.StorageTool random-uuid 2>&1 9>&-)"; then
    printf '%s\n' "$out" >>"$logfile"
    log_tail "$logfile"
    die "StorageTool random-uuid failed; run dir kept: $dir"
  fi
  cluster_id="$(printf '%s\n' "$out" | tail -n1 | tr -d '[:space:]')"
  [[ "$cluster_id" =~ ^[A-Za-z0-9_-]{22}$ ]] || die "unexpected StorageTool random-uuid output: $out"
  "${jvm[@]}" kafka.tools.StorageTool format -t "$cluster_id" -c "$props" >>"$logfile" 2>&1 9>&- \
    || { log_tail "$logfile"; die "StorageTool format failed; run dir kept: $dir"; }

  # nohup + & : the JVM ignores SIGHUP/SIGINT aimed at the caller and outlives this script.
  # Its stdio goes to the log (a child holding our stdout pipe would block callers), and
  # fd 9 (the lock) is closed for it.
  nohup "${jvm[@]}" kafka.Kafka "$props" </dev/null >>"$logfile" 2>&1 9>&- &
  pid=$!
  printf '%s\n' "$pid" >"$PID_FILE"
  log "starting Kafka 3.9 broker (pid $pid, cluster $cluster_id) on 127.0.0.1:$port, controller :$cport; log: $logfile"

  local deadline=$((SECONDS + KAFKA_START_TIMEOUT))
  while :; do
    if ! kill -0 "$pid" 2>/dev/null; then
      local rc=0
      wait "$pid" 2>/dev/null || rc=$?
      log_tail "$logfile"
      rm -f "$PID_FILE"
      die "the broker process exited during start-up (exit code $rc); run dir kept: $dir"
    fi
    if grep -q 'Kafka Server started' "$logfile" 2>/dev/null && port_answers "$port"; then
      break
    fi
    if (( SECONDS >= deadline )); then
      log_tail "$logfile"
      stop_pid "$pid"
      rm -f "$PID_FILE"
      die "the broker did not log 'Kafka Server started' within $KAFKA_START_TIMEOUT s; run dir kept: $dir"
    fi
    sleep 0.2
  done
  log "broker ready in $((SECONDS - start)) s"
  print_brokers "$port"
}

cmd_down() {
  lock
  local pid
  if pid="$(live_pid)"; then
    log "stopping broker pid $pid"
    stop_pid "$pid"
    log "broker stopped"
  else
    log "no running broker"
  fi
  for pid in $(orphan_pids); do
    log "stopping a broker whose pid file was lost (pid $pid)"
    stop_pid "$pid"
  done
  rm -rf "$RUN_ROOT"
}

cmd_status() {
  local pid port
  if pid="$(live_pid)" && port="$(state_get port)" && [[ -n "$port" ]] && port_answers "$port"; then
    log "broker running (pid $pid)"
    print_brokers "$port"
    return 0
  fi
  log "no running broker"
  return 1
}

case "${1:-}" in
  jars) lock; cmd_jars ;;
  up) cmd_up ;;
  down) cmd_down ;;
  status) cmd_status ;;
  *) echo "usage: $(basename "$0") jars|up|down|status" >&2; exit 2 ;;
esac
