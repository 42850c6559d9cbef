# The adapter image of the sqs connector (AWSSQSSource, AWSSQSTarget). The controller runs it with the adapter's main class as the
# first argument and the adapter's settings in the environment.
#
# Build context: the distribution directory (docs/install.md, "Building the images"):
#   ./mvnw -B -pl distribution -am package -DskipTests
#   cd distribution/target/triggermesh-aws-0.1.0-SNAPSHOT
#   docker build -f docker/adapter-sqs.Dockerfile -t ghcr.io/triggermesh-aws/adapter-sqs:0.1.0-SNAPSHOT .
#
# Adapters run as non-root with a read-only root file system and no writable volume (see the controller's
# rendered Deployments), which java.args accounts for (no hsperfdata files).
ARG JAVA_IMAGE=eclipse-temurin:17-jre-jammy
FROM ${JAVA_IMAGE}

COPY adapters/sqs/lib/ /app/lib/
COPY docker/prepare-jvm.sh /app/prepare-jvm.sh
# The main classes of the kinds this image serves, one training run each for the AppCDS archive. The distribution's
# DistributionIT checks this list against the main classes the controller renders for this image.
ARG MAIN_CLASSES="io.triggermesh.aws.sqs.adapter.SqsSourceAdapterMain io.triggermesh.aws.sqs.adapter.SqsTargetAdapterMain"
RUN sh /app/prepare-jvm.sh /app - ${MAIN_CLASSES} && rm /app/prepare-jvm.sh

USER 65532:65532
ENTRYPOINT ["java", "@/app/java.args"]
