#!/bin/sh
# Prepares a JVM application directory for a small, fast-starting container; run while building an image.
#
#   prepare-jvm.sh APP_DIR MAIN_CLASS TRAINING_RUN...     the controller
#   prepare-jvm.sh APP_DIR --adapter                       an adapter image
#
# APP_DIR holds the application's jars: APP_DIR/lib/*.jar, or APP_DIR/*.jar. MAIN_CLASS is written into the
# argument file. Each TRAINING_RUN is one string of program arguments; it runs for at most 30 s and may fail: only
# the classes it loads matter. --adapter: the main class is adapter-runtime's launcher, which starts the adapter
# registered for the KIND the controller puts in the environment; the training runs are one per kind the jars serve
# (the launcher's --kinds), so an image definition lists neither main classes nor kinds.
#
# Writes
#   APP_DIR/java.args  the JVM options, class path and main class every start uses:  java @APP_DIR/java.args ARGS...
#   APP_DIR/app.jsa    an AppCDS archive of the classes the training runs loaded (JDK and application classes), so
#                      that each start maps them instead of parsing and verifying them again.
# The archive is only valid for the JVM that made it, so run this in the image that runs the application.
set -eu

app=$1
main=$2
shift 2
adapter=false
if [ "$main" = "--adapter" ]; then
    adapter=true
    main=io.triggermesh.aws.adapter.AdapterLauncher
fi

if [ -d "$app/lib" ]; then
    classpath=$(ls "$app"/lib/*.jar | LC_ALL=C sort | paste -sd: -)
else
    classpath=$(ls "$app"/*.jar | LC_ALL=C sort | paste -sd: -)
fi
[ -n "$classpath" ] || { echo "prepare-jvm.sh: no jars in $app" >&2; exit 1; }

# Container-aware memory (a share of the cgroup limit, not of the node), the small serial collector (one adapter
# or controller per pod, heaps of a few hundred MiB), fail fast on OOM so Kubernetes restarts the pod, and no
# hsperfdata files (the root file system is read-only). Direct memory (Netty's buffers) is capped on its own: by
# default the JVM allows as much again as the heap, which a pod limit does not hold; the target adapters keep request
# bodies under 24 MiB (docs/target-http.md).
# The AppCDS archive is mapped at the address it was dumped for (ArchiveRelocationMode=0, a diagnostic option in JDK
# 17): JDK 17 updates map it at a random address by default and then rewrite every pointer in it, which turns the
# whole archive (37 MiB for an adapter) into private dirty memory in each process; mapped where it was dumped, only
# the pages the JVM writes stay private (13 MiB) and the rest are clean file pages that the pods of one image on a
# node share: 18 MiB less anonymous memory per adapter, the same RSS (docs/benchmarks.md, "Memory of an adapter
# process"). The JVM still relocates the archive if that address is taken.
options="-XX:+UseSerialGC -XX:MaxRAMPercentage=75 -XX:InitialRAMPercentage=10 -XX:MaxDirectMemorySize=64m \
-XX:+ExitOnOutOfMemoryError -XX:-UsePerfData -Xss512k -Djava.io.tmpdir=/tmp \
-XX:+UnlockDiagnosticVMOptions -XX:ArchiveRelocationMode=0"
# Adapters: the log manager that keeps lines logged while stopping, chosen on the command line because the JDK picks
# it with the first logger (the launcher selects it too, before any adapter class loads). An adapter is one small
# process per connector object, so its memory is the bill at a thousand objects (docs/benchmarks.md, "Results"): the
# client compiler only (C2's compilations cost an adapter more CPU and memory in its first minutes than its faster
# code saves; measured lower CPU per event and 15-20 MiB less RSS), a heap that starts at 8 MiB and grows with the
# load instead of a tenth of the pod's limit, and grows and shrinks in smaller steps than the serial collector's
# defaults (free 10 to 40 % after a collection instead of 40 to 70 %: 2 to 5 MiB less under load). Netty's JFR events
# off: they are only read by a flight recording, and registering them loads about a hundred jdk.jfr classes (0.6 MiB
# of metaspace). Up to 64 idle keep-alive connections per host for the SDK's URLConnection client instead of the
# JDK's 5: a target has up to SEND_CONCURRENCY (16) calls in flight and a source its pollers plus up to 8 delete calls,
# and each call beyond the fifth closed its connection afterwards, so the next one opened a new one (a TLS handshake
# against AWS). Idle connections still close after the JDK's keep-alive time (docs/benchmarks.md, "SDK batch manager
# vs ours").
if [ "$adapter" = true ]; then
    options="$options -Djava.util.logging.manager=io.triggermesh.aws.adapter.logging.AdapterLogManager \
-XX:TieredStopAtLevel=1 -Xms8m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=40 -Dio.netty.jfr.enabled=false \
-Dhttp.maxConnections=64"
fi

training=$(mktemp -d)
launch() {
    # $1: extra JVM options; rest: program arguments
    extra=$1
    shift
    # shellcheck disable=SC2086
    timeout "${TRAINING_SECONDS:-30}" java $options $extra -cp "$classpath" "$main" "$@"
}

i=0
if [ "$adapter" = true ]; then
    # shellcheck disable=SC2086
    kinds=$(java $options -cp "$classpath" "$main" --kinds) || { echo "prepare-jvm.sh: the launcher cannot list the kinds" >&2; exit 1; }
    [ -n "$kinds" ] || { echo "prepare-jvm.sh: no adapter registered in $app" >&2; exit 1; }
    for kind in $kinds; do
        i=$((i + 1))
        # Settings that let an SQS-based adapter start all the way (AWS client, HTTP receiver or sink, first
        # GetQueueUrl) against an endpoint that refuses at once, so the archive holds what a real start loads: with
        # KIND alone the adapter refused its settings before loading the SDK client and Netty, and a start read half
        # its classes from the jars (docs/benchmarks.md, "Results"). A kind that refuses these settings still
        # archives what it loaded until then. It keeps retrying, so it is stopped (SIGTERM, shutdown runs) after 8 s.
        KIND=$kind NAME=training NAMESPACE=training ARN=arn:aws:sqs:us-east-1:000000000000:training \
            K_SINK=http://127.0.0.1:9/ PORT=0 AWS_ENDPOINT_URL=http://127.0.0.1:9 AWS_REGION=us-east-1 \
            AWS_ACCESS_KEY_ID=training AWS_SECRET_ACCESS_KEY=training TRAINING_SECONDS=8 \
            launch "-XX:DumpLoadedClassList=$training/$i.classes" </dev/null >"$training/$i.log" 2>&1 || true
    done
else
    for run in "$@"; do
        i=$((i + 1))
        # shellcheck disable=SC2086
        launch "-XX:DumpLoadedClassList=$training/$i.classes" $run </dev/null >"$training/$i.log" 2>&1 || true
    done
fi
cat "$training"/*.classes > "$training/all.classes" 2>/dev/null || : > "$training/all.classes"

# shellcheck disable=SC2086
java $options -Xshare:dump -XX:SharedClassListFile="$training/all.classes" -XX:SharedArchiveFile="$app/app.jsa" \
    -cp "$classpath" > "$training/dump.log" 2>&1 || { cat "$training/dump.log" >&2; exit 1; }

{
    echo "$options" | tr ' ' '\n' | grep -v '^$'
    echo "-XX:SharedArchiveFile=$app/app.jsa"
    echo "-Xshare:auto"
    echo "-cp"
    echo "$classpath"
    echo "$main"
} > "$app/java.args"

# The archive must map with exactly these options, or the image would silently start without it.
# shellcheck disable=SC2086
java $options -XX:SharedArchiveFile="$app/app.jsa" -Xshare:on -cp "$classpath" -version > /dev/null 2>&1 \
    || { echo "prepare-jvm.sh: the CDS archive does not map" >&2; exit 1; }
rm -rf "$training"
echo "prepare-jvm.sh: $app/java.args and $app/app.jsa ($(du -k "$app/app.jsa" | cut -f1) KiB) ready"
