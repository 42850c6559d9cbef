#!/bin/sh
# Prepares a JVM application directory for a small, fast-starting container; run while building an image.
#
#   prepare-jvm.sh APP_DIR MAIN_CLASS|- TRAINING_RUN...
#
# APP_DIR holds the application's jars: APP_DIR/lib/*.jar, or APP_DIR/*.jar. MAIN_CLASS is written into the
# argument file when every start uses the same one (the controller); "-" when the container's arguments name it
# (adapters: the controller renders the main class as the first argument). Each TRAINING_RUN is one string of
# program arguments (main class first when MAIN_CLASS is "-"); it runs for at most 30 s and may fail: only the
# classes it loads matter.
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
options="-XX:+UseSerialGC -XX:MaxRAMPercentage=75 -XX:InitialRAMPercentage=10 -XX:MaxDirectMemorySize=64m \
-XX:+ExitOnOutOfMemoryError -XX:-UsePerfData -Xss512k -Djava.io.tmpdir=/tmp"
# Adapters: the log manager that keeps lines logged while stopping, chosen on the command line because the JDK picks
# it with the first logger, which an adapter class's static field may create before adapter-runtime loads.
if [ "$main" = "-" ]; then
    options="$options -Djava.util.logging.manager=io.triggermesh.aws.adapter.logging.AdapterLogManager"
fi

training=$(mktemp -d)
launch() {
    # $1: extra JVM options; rest: program arguments
    extra=$1
    shift
    if [ "$main" = "-" ]; then
        # shellcheck disable=SC2086
        timeout 30 java $options $extra -cp "$classpath" "$@"
    else
        # shellcheck disable=SC2086
        timeout 30 java $options $extra -cp "$classpath" "$main" "$@"
    fi
}

i=0
for run in "$@"; do
    i=$((i + 1))
    # shellcheck disable=SC2086
    launch "-XX:DumpLoadedClassList=$training/$i.classes" $run </dev/null >"$training/$i.log" 2>&1 || true
done
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
    if [ "$main" != "-" ]; then
        echo "$main"
    fi
} > "$app/java.args"

# The archive must map with exactly these options, or the image would silently start without it.
# shellcheck disable=SC2086
java $options -XX:SharedArchiveFile="$app/app.jsa" -Xshare:on -cp "$classpath" -version > /dev/null 2>&1 \
    || { echo "prepare-jvm.sh: the CDS archive does not map" >&2; exit 1; }
rm -rf "$training"
echo "prepare-jvm.sh: $app/java.args and $app/app.jsa ($(du -k "$app/app.jsa" | cut -f1) KiB) ready"
