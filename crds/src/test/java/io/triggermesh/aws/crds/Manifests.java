package io.triggermesh.aws.crds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Valid connector objects to start from, and JSON-pointer edits that break them. */
final class Manifests {

    static final String S3_SOURCE = """
            apiVersion: sources.triggermesh.io/v1alpha1
            kind: AWSS3Source
            metadata: {name: uploads, namespace: events}
            spec:
              arn: arn:aws:s3:::test-bucket
              eventTypes: ["s3:ObjectCreated:*", "s3:ObjectRemoved:Delete"]
              sink:
                ref: {apiVersion: eventing.knative.dev/v1, kind: Broker, name: default}
              auth:
                credentials:
                  accessKeyID:
                    valueFromSecret: {name: aws, key: AWS_ACCESS_KEY_ID}
                  secretAccessKey:
                    valueFromSecret: {name: aws, key: AWS_SECRET_ACCESS_KEY}
                  assumeIamRole: arn:aws:iam::210987654321:role/triggermesh-cross-account
                  assumeIamRoleOptions: {externalId: 7f1c2e9a-orders, durationSeconds: 3600}
            """;

    static final String S3_TARGET = """
            apiVersion: targets.triggermesh.io/v1alpha1
            kind: AWSS3Target
            metadata: {name: archive, namespace: events}
            spec:
              arn: arn:aws:s3:::test-bucket
              adapterOverrides:
                public: true
                resources: {requests: {cpu: 100m, memory: 128Mi}}
              auth:
                iam:
                  roleArn: arn:aws:iam::123456789012:role/aws-s3-target-role
                  serviceAccount: aws-s3-target-sa
            """;

    static final String SQS_SOURCE = """
            apiVersion: sources.triggermesh.io/v1alpha1
            kind: AWSSQSSource
            metadata: {name: orders, namespace: events}
            spec:
              arn: arn:aws:sqs:us-east-1:123456789012:orders
              messageProcessor: s3
              receiveOptions: {visibilityTimeout: 30s}
              sink:
                uri: http://event-display.events.svc.cluster.local
              auth:
                iam:
                  roleArn: arn:aws:iam::123456789012:role/orders
            """;

    static final String SQS_TARGET = """
            apiVersion: targets.triggermesh.io/v1alpha1
            kind: AWSSQSTarget
            metadata: {name: orders, namespace: events}
            spec:
              arn: arn:aws:sqs:us-east-1:123456789012:orders.fifo
              messageGroupId: orders
              auth:
                credentials:
                  accessKeyID: {value: AKIAIOSFODNN7EXAMPLE}
                  secretAccessKey: {value: wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY}
                  sessionToken:
                    valueFromSecret: {name: aws, key: AWS_SESSION_TOKEN}
            """;

    private Manifests() {
    }

    /** {@code base} with the value at {@code pointer} replaced by {@code yaml} (or removed when it is null). */
    static ObjectNode edited(String base, String pointer, String yaml) {
        ObjectNode root = Yaml.read(base);
        int slash = pointer.lastIndexOf('/');
        JsonNode parent = root.at(pointer.substring(0, slash));
        String last = pointer.substring(slash + 1);
        if (parent instanceof ObjectNode object) {
            if (yaml == null) {
                object.remove(last);
            } else {
                object.set(last, Yaml.MAPPER.valueToTree(parse(yaml)));
            }
        } else if (parent instanceof ArrayNode array) {
            array.set(Integer.parseInt(last), Yaml.MAPPER.valueToTree(parse(yaml)));
        } else {
            throw new IllegalArgumentException(pointer + " has no parent in the manifest");
        }
        return root;
    }

    private static Object parse(String yaml) {
        try {
            return Yaml.MAPPER.readValue(yaml, Object.class);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
