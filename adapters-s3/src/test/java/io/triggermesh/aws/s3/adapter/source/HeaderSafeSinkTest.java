package io.triggermesh.aws.s3.adapter.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.triggermesh.aws.adapter.sink.SinkResult;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeaderSafeSinkTest {

    private final List<CloudEvent> sent = new ArrayList<>();
    private final HeaderSafeSink sink = new HeaderSafeSink(event -> {
        sent.add(event);
        return new SinkResult.Accepted(202);
    });

    private static CloudEvent withSubject(String subject) {
        return CloudEventBuilder.v1().withId("1").withType("t").withSource(URI.create("/s")).withSubject(subject)
                .build();
    }

    @Test
    void subjectsOutsidePrintableAsciiArePercentEncodedAsTheHttpBindingRequires() {
        sink.send(withSubject("dir/a b\"100%\"/ü€😀.txt"));

        assertThat(sent.get(0).getSubject())
                .isEqualTo("dir/a%20b%22100%25%22/%C3%BC%E2%82%AC%F0%9F%98%80.txt");
    }

    @Test
    void printableAsciiSubjectsAndEventsWithoutSubjectPassUnchanged() {
        CloudEvent plain = withSubject("dir/a+b=c.txt");
        CloudEvent none = CloudEventBuilder.v1().withId("2").withType("t").withSource(URI.create("/s")).build();

        sink.send(plain);
        sink.send(none);

        assertThat(sent).containsExactly(plain, none);
    }
}
