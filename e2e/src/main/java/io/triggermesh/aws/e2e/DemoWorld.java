package io.triggermesh.aws.e2e;

import io.triggermesh.aws.testing.EmulatorIam;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * What the quickstart sets up in AWS (an IAM user, a role for IRSA, temporary credentials, buckets and a queue)
 * and the manifests it applies, written to a file so a person can read them afterwards. {@code secretValues} are
 * the secret parts of the credentials, which must appear nowhere but in the Secrets.
 */
record DemoWorld(Path manifests, String irsaRole, List<String> secretValues) {

    static final String BUCKET = "quickstart-uploads";
    static final String IRSA_BUCKET = "quickstart-irsa-uploads";
    static final String QUEUE = "quickstart-orders";

    static DemoWorld create(EmulatorIam iam, Quickstart.AwsClients clients, Path work) {
        String account = EmulatorIam.ACCOUNT;
        EmulatorIam.User user = iam.createUser("quickstart", EmulatorIam.allow("*", "*"));
        String tempRole = iam.createRole(account, "quickstart-temporary",
                EmulatorIam.trust("arn:aws:iam::" + account + ":root"), EmulatorIam.allow("sqs:*", "*"));
        Credentials temporary = iam.sts(iam.root())
                .assumeRole(b -> b.roleArn(tempRole).roleSessionName("laptop")).credentials();
        String irsaRole = iam.createRole(account, "quickstart-irsa", EmulatorIam.trustWebIdentity(),
                EmulatorIam.allow("*", "*"));
        clients.s3().createBucket(b -> b.bucket(BUCKET));
        clients.s3().createBucket(b -> b.bucket(IRSA_BUCKET));
        clients.sqs().createQueue(b -> b.queueName(QUEUE));
        String yaml = """
                apiVersion: v1
                kind: Secret
                metadata: {name: aws, namespace: default}
                stringData:
                  AWS_ACCESS_KEY_ID: "%s"
                  AWS_SECRET_ACCESS_KEY: "%s"
                ---
                apiVersion: v1
                kind: Secret
                metadata: {name: aws-temporary, namespace: default}
                stringData:
                  AWS_ACCESS_KEY_ID: "%s"
                  AWS_SECRET_ACCESS_KEY: "%s"
                  AWS_SESSION_TOKEN: "%s"
                ---
                apiVersion: sources.triggermesh.io/v1alpha1
                kind: AWSS3Source
                metadata: {name: uploads, namespace: default}
                spec:
                  arn: arn:aws:s3:::%s
                  eventTypes: ["s3:ObjectCreated:*"]
                  sink: {uri: "${EVENT_DISPLAY_URL}"}
                  auth:
                    credentials:
                      accessKeyID: {valueFromSecret: {name: aws, key: AWS_ACCESS_KEY_ID}}
                      secretAccessKey: {valueFromSecret: {name: aws, key: AWS_SECRET_ACCESS_KEY}}
                ---
                apiVersion: targets.triggermesh.io/v1alpha1
                kind: AWSSQSTarget
                metadata: {name: orders, namespace: default}
                spec:
                  arn: arn:aws:sqs:us-east-1:%s:%s
                  auth:
                    credentials:
                      accessKeyID: {valueFromSecret: {name: aws-temporary, key: AWS_ACCESS_KEY_ID}}
                      secretAccessKey: {valueFromSecret: {name: aws-temporary, key: AWS_SECRET_ACCESS_KEY}}
                      sessionToken: {valueFromSecret: {name: aws-temporary, key: AWS_SESSION_TOKEN}}
                ---
                apiVersion: sources.triggermesh.io/v1alpha1
                kind: AWSS3Source
                metadata: {name: irsa-uploads, namespace: default}
                spec:
                  arn: arn:aws:s3:::%s
                  eventTypes: ["s3:ObjectCreated:*"]
                  sink: {uri: "${EVENT_DISPLAY_URL}"}
                  auth:
                    iam: {roleArn: "%s"}
                """.formatted(user.keys().accessKeyId(), user.keys().secretAccessKey(), temporary.accessKeyId(),
                temporary.secretAccessKey(), temporary.sessionToken(), BUCKET, account, QUEUE, IRSA_BUCKET,
                irsaRole);
        Path file = work.resolve("quickstart.yaml");
        try {
            Files.writeString(file, yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new DemoWorld(file, irsaRole, List.of(user.keys().secretAccessKey(), temporary.secretAccessKey(),
                temporary.sessionToken()));
    }
}
