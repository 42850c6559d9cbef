package io.triggermesh.aws.sqs.adapter;

import io.triggermesh.aws.adapter.AdapterRuntime;

/** The AWSSQSSource adapter process. */
public final class SqsSourceAdapterMain {

    private SqsSourceAdapterMain() {
    }

    public static void main(String[] args) {
        AdapterRuntime.run("awssqssource-adapter", new SqsSourceAdapter());
    }
}
