package io.triggermesh.aws.bench.sqs;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Counts SQS calls by operation in this JVM, for the benchmarks' calls-per-event figures. Registered for every SDK
 * client of the benchmarks' class path through the SDK's global interceptor file; counting is all it does.
 */
public final class SqsCallCounter implements ExecutionInterceptor {

    private static final Map<String, LongAdder> CALLS = new ConcurrentHashMap<>();

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
        if ("Sqs".equalsIgnoreCase(service) || "sqs".equalsIgnoreCase(service)) {
            CALLS.computeIfAbsent(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME),
                    k -> new LongAdder()).increment();
        }
    }

    static void reset() {
        CALLS.clear();
    }

    static long total() {
        return CALLS.values().stream().mapToLong(LongAdder::sum).sum();
    }

    static Map<String, Long> byOperation() {
        Map<String, Long> result = new TreeMap<>();
        CALLS.forEach((k, v) -> result.put(k, v.sum()));
        return result;
    }
}
