# The adapter image of one connector. Its entrypoint is adapter-runtime's launcher, which starts the adapter registered
# for the KIND the controller sets in the environment, so this file names neither main classes nor kinds: one
# definition serves every connector of the distribution (adapters/<connector>/lib).
#
# Build context: the distribution directory (docs/install.md, "Building the images"), once per connector:
#   ./mvnw -B -pl distribution -am package -DskipTests
#   cd distribution/target/triggermesh-aws-0.1.0-SNAPSHOT
#   for connector in $(ls adapters); do
#     docker build -f docker/adapter.Dockerfile --build-arg CONNECTOR=$connector \
#       -t ghcr.io/triggermesh-aws/adapter-$connector:0.1.0-SNAPSHOT .
#   done
#
# Adapters run as non-root with a read-only root file system and no writable volume (see the controller's
# rendered Deployments), which java.args accounts for (no hsperfdata files).
ARG JAVA_IMAGE=eclipse-temurin:17-jre-jammy
FROM ${JAVA_IMAGE}

ARG CONNECTOR
COPY adapters/${CONNECTOR}/lib/ /app/lib/
COPY docker/prepare-jvm.sh /app/prepare-jvm.sh
# java.args (the launcher as main class) and an AppCDS archive trained on one start of each kind the jars serve.
RUN test -n "${CONNECTOR}" && sh /app/prepare-jvm.sh /app --adapter && rm /app/prepare-jvm.sh

USER 65532:65532
ENTRYPOINT ["java", "@/app/java.args"]
