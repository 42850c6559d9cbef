package io.triggermesh.aws.sqs.adapter;

import io.triggermesh.aws.adapter.AdapterRuntime;

/** The AWSSQSTarget adapter process. */
public final class SqsTargetAdapterMain {

    private SqsTargetAdapterMain() {
    }

    public static void main(String[] args) {
        AdapterRuntime.run("awssqstarget-adapter", new SqsTargetAdapter());
    }
}
