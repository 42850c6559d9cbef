package io.triggermesh.aws.bench.sqs;

import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * The most SQS requests on the wire at once since the last {@link #reset}, across the clients it is added to: shows
 * whether a batcher bounds its calls in flight. Counting is all it does.
 */
final class InFlightCalls implements ExecutionInterceptor {

    private static final AtomicInteger NOW = new AtomicInteger();
    private static final AtomicInteger MAX = new AtomicInteger();

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        MAX.accumulateAndGet(NOW.incrementAndGet(), Math::max);
    }

    @Override
    public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
        NOW.decrementAndGet();
    }

    static void reset() {
        MAX.set(NOW.get());
    }

    static int max() {
        return MAX.get();
    }
}
