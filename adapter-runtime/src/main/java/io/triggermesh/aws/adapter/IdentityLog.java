package io.triggermesh.aws.adapter;

import java.time.Duration;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Logs once, at start, the AWS identity the adapter acts as (sts:GetCallerIdentity, which needs no IAM permission),
 * so an operator reading an adapter's log sees which user or role it really authenticated as, and a wrong Secret or
 * a missing role annotation shows at once. Runs in the background and never delays or fails the adapter: where STS
 * cannot be reached the line says so.
 */
final class IdentityLog {

    private static final System.Logger LOG = System.getLogger(IdentityLog.class.getName());
    static final Duration TIMEOUT = Duration.ofSeconds(10);

    private IdentityLog() {
    }

    static void inBackground(AwsClients aws) {
        Thread thread = new Thread(() -> log(aws), "identity-log");
        thread.setDaemon(true);
        thread.start();
    }

    static void log(AwsClients aws) {
        try {
            StsClient sts = aws.client(StsClient.builder().overrideConfiguration(o -> o.apiCallTimeout(TIMEOUT)),
                    "sts", aws.endpoints().region());
            String arn = sts.getCallerIdentity().arn();
            LOG.log(System.Logger.Level.INFO, () -> "acting as AWS identity " + arn);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, () -> "could not tell which AWS identity this adapter acts as"
                    + " (sts:GetCallerIdentity: " + e.getClass().getSimpleName() + "); its AWS calls will say more");
        }
    }
}
