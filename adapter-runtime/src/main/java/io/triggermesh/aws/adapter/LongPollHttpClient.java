package io.triggermesh.aws.adapter;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;

/**
 * An SDK HTTP client that can abort its in-flight SQS long polls. A ReceiveMessage waits up to 20 seconds and a
 * blocking socket read ignores thread interrupts, so without this a shutdown would wait for every poll to time out.
 * After {@link #stopLongPolls()} new ReceiveMessage calls fail at once; every other call (deletes, visibility
 * changes, sends) is untouched, so pending work can still be flushed.
 */
final class LongPollHttpClient implements SdkHttpClient {

    private static final String TARGET_HEADER = "X-Amz-Target";
    private static final String RECEIVE_TARGET = "AmazonSQS.ReceiveMessage";

    private final SdkHttpClient delegate;
    private final Set<ExecutableHttpRequest> polls = ConcurrentHashMap.newKeySet();
    private volatile boolean stopped;

    LongPollHttpClient(SdkHttpClient delegate) {
        this.delegate = delegate;
    }

    /** Aborts the long polls in flight and refuses new ones. Idempotent. */
    void stopLongPolls() {
        stopped = true;
        polls.forEach(ExecutableHttpRequest::abort);
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        boolean poll = request.httpRequest().firstMatchingHeader(TARGET_HEADER)
                .filter(RECEIVE_TARGET::equals).isPresent();
        if (!poll) {
            return delegate.prepareRequest(request);
        }
        if (stopped) {
            return new Refused();
        }
        ExecutableHttpRequest inner = delegate.prepareRequest(request);
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() throws IOException {
                polls.add(this);
                try {
                    if (stopped) {
                        throw new IOException("long poll aborted: the adapter is shutting down");
                    }
                    return inner.call();
                } finally {
                    polls.remove(this);
                }
            }

            @Override
            public void abort() {
                inner.abort();
            }
        };
    }

    @Override
    public String clientName() {
        return delegate.clientName();
    }

    @Override
    public void close() {
        delegate.close();
    }

    private static final class Refused implements ExecutableHttpRequest {
        @Override
        public HttpExecuteResponse call() throws IOException {
            throw new IOException("long poll refused: the adapter is shutting down");
        }

        @Override
        public void abort() {
        }
    }
}
