package io.triggermesh.aws.controller.logging;

import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.triggermesh.aws.spi.api.CredentialRedactor;

/**
 * A {@link PatternLayout} whose output has credential-shaped text masked. The controller signs AWS calls with keys
 * nobody configured (STS-issued for assume role and web identity), and at DEBUG the SDK logs signed headers and
 * canonical requests; AWS errors quoted in warnings can echo them too. Masking the whole formatted line covers the
 * message, its arguments and the stack trace alike. Used by {@code logback.xml}.
 */
public class RedactingLayout extends PatternLayout {

    @Override
    public String doLayout(ILoggingEvent event) {
        return CredentialRedactor.redactShapes(super.doLayout(event));
    }
}
