package io.triggermesh.aws.bench.sqs;

import io.triggermesh.aws.adapter.polling.BenchDeleteBatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * What each contender of {@link BatcherBenchmark} does with an entry SQS refuses inside a batch call: first what SQS
 * answers for it (code and SenderFault), then what each contender's caller learns. A refused send here is a body
 * with a character SQS does not accept, a refused delete a receipt handle SQS does not know.
 */
final class BatcherProbes {

    private static final String BAD_BODY = "bad \u0001 body";
    private static final String BAD_HANDLE = "not-a-receipt-handle";

    private BatcherProbes() {
    }

    static void sends(BatcherContenders contenders) throws Exception {
        String url = contenders.queue();
        List<BatchResultErrorEntry> failed = contenders.setUp().sendMessageBatch(b -> b.queueUrl(url).entries(
                SendMessageBatchRequestEntry.builder().id("ok").messageBody("fine").build(),
                SendMessageBatchRequestEntry.builder().id("bad").messageBody(BAD_BODY).build())).failed();
        System.out.println("  SQS's answer to a batch entry with U+0001 in its body: " + entries(failed));
        for (String name : BatcherContenders.NAMES) {
            try (BatcherPhases.Contender c = contenders.sender(name, url)) {
                List<CompletableFuture<String>> good = new ArrayList<>();
                for (int i = 0; i < 9; i++) {
                    good.add(c.submit("fine " + i));
                }
                String bad = c.submit(BAD_BODY).get(30, TimeUnit.SECONDS);
                System.out.printf("  %-9s 9 good entries: %d sent; the refused one: %s%n", name, sent(good), bad);
            }
        }
        contenders.dropQueue(url);
    }

    static void deletes(BatcherContenders contenders) throws Exception {
        String url = contenders.queue();
        List<String> handles = contenders.received(url, 30);
        List<BatchResultErrorEntry> failed = contenders.setUp().deleteMessageBatch(b -> b.queueUrl(url).entries(
                DeleteMessageBatchRequestEntry.builder().id("bad").receiptHandle(BAD_HANDLE).build())).failed();
        System.out.println("  SQS's answer to a batch entry with an unknown receipt handle: " + entries(failed));
        try (BenchDeleteBatcher ours = new BenchDeleteBatcher(contenders.ours(), url)) {
            List<CompletableFuture<String>> good = new ArrayList<>();
            for (String h : handles.subList(0, 9)) {
                good.add(ours.delete(h));
            }
            ours.delete(BAD_HANDLE).get(30, TimeUnit.SECONDS);
            sent(good);
            System.out.printf("  %-9s 9 good entries: %d deleted in %d DeleteMessageBatch call(s): the refused one is"
                    + " not tried again because SenderFault is true (a false one would be, up to 3 times), and is"
                    + " logged%n", "ours", ours.deleted(), ours.calls());
        }
        int next = 9;
        for (String name : BatcherContenders.NAMES.subList(1, BatcherContenders.NAMES.size())) {
            try (BatcherPhases.Contender c = contenders.deleter(name, url)) {
                List<CompletableFuture<String>> good = new ArrayList<>();
                for (String h : handles.subList(next, next + 9)) {
                    good.add(c.submit(h));
                }
                next += 9;
                String bad = c.submit(BAD_HANDLE).get(30, TimeUnit.SECONDS);
                System.out.printf("  %-9s 9 good entries: %d deleted; the refused one: %s%n", name, sent(good), bad);
            }
        }
        contenders.dropQueue(url);
    }

    private static int sent(List<CompletableFuture<String>> futures) throws Exception {
        int ok = 0;
        for (CompletableFuture<String> f : futures) {
            if (f.get(30, TimeUnit.SECONDS) == null) {
                ok++;
            }
        }
        return ok;
    }

    private static String entries(List<BatchResultErrorEntry> failed) {
        return failed.isEmpty() ? "accepted (no failed entry)" : failed.stream().map(e -> "code " + e.code()
                + ", SenderFault " + e.senderFault()).toList().toString();
    }
}
