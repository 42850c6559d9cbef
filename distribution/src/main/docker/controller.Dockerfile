# The controller image: the controller jar with the bundled S3 and SQS plugins.
#
# Build context: the distribution directory (docs/install.md, "Building the images"):
#   ./mvnw -B -pl distribution -am package -DskipTests
#   cd distribution/target/triggermesh-aws-0.1.0-SNAPSHOT
#   docker build -f docker/controller.Dockerfile -t ghcr.io/triggermesh-aws/controller:0.1.0-SNAPSHOT .
#
# The Helm chart runs it as user 65532 with a read-only root file system and an emptyDir at /tmp.
ARG JAVA_IMAGE=eclipse-temurin:17-jre-jammy
FROM ${JAVA_IMAGE}

COPY controller/controller.jar /app/controller.jar
COPY examples/ /app/training/examples/
COPY docker/prepare-jvm.sh /app/prepare-jvm.sh
# java.args (container-aware heap, serial GC, class path, main class) and an AppCDS archive trained on what every
# start does: load the plugins, start Micronaut, validate specs and render policies.
RUN sh /app/prepare-jvm.sh /app io.triggermesh.aws.controller.ControllerCommand \
        "validate -f /app/training/examples" \
        "policy AWSS3Source" \
        "render -f /app/training/examples/aws-credentials/create-the-aws-target.yaml" \
    && rm -rf /app/training /app/prepare-jvm.sh

USER 65532:65532
EXPOSE 8080
ENTRYPOINT ["java", "@/app/java.args"]
CMD ["run"]
