package io.triggermesh.aws.sqs.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.jackson.JsonFormat;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** EventJson and its generator-free AsciiEventJson against the CloudEvents SDK's JsonFormat, over random events. */
class EventJsonDifferentialTest {

    private static final JsonFormat SDK = new JsonFormat();
    /** Characters worth a place in every string: what Jackson escapes, what it does not, and the limits of ASCII. */
    private static final String SPECIAL = "\"\\/\u007f\b\f\n\r\t\u0000\u001f ~";
    private static final String[] NON_ASCII = {"\u0080", "\u00e9", "\u00ff", "\u07ff", "\u0800", "\u20ac", "\u2028",
        "\ud83d\ude00", "\uffff"};
    private static final String[] JSON_TYPES = {"application/json", "text/json", "application/json; charset=utf-8"};
    private static final String[] DATA = {"{}", "[]", "null", "0", "\"x\"", " {\"a\" : [1, -2.5e3, true, null]}\n",
        "{\"order\":{\"id\":\"A-1042\",\"items\":[{\"sku\":\"X-1\",\"qty\":2}],\"total\":42.5}}",
        "{\"s\":\"\\u00e9\\\"\\\\/\\n\u007f\"}"};

    private static String text(Random random, boolean plain) {
        StringBuilder text = new StringBuilder();
        int length = 1 + random.nextInt(20);
        for (int i = 0; i < length; i++) {
            int pick = random.nextInt(4);
            text.append(pick == 0 ? (char) random.nextInt(0x80) // any ASCII character, control characters and DEL
                    : pick == 1 ? SPECIAL.charAt(random.nextInt(SPECIAL.length()))
                    : (char) ('a' + random.nextInt(26)));
        }
        if (!plain) {
            text.insert(random.nextInt(text.length() + 1), NON_ASCII[random.nextInt(NON_ASCII.length)]);
        }
        return text.toString();
    }

    private static String word(Random random) {
        StringBuilder word = new StringBuilder("x");
        for (int i = random.nextInt(8); i > 0; i--) {
            word.append("abcdefghijklmnopqrstuvwxyz0123456789".charAt(random.nextInt(36)));
        }
        return word.toString();
    }

    private static OffsetDateTime time(Random random) {
        return OffsetDateTime.ofInstant(Instant.ofEpochSecond(random.nextInt(Integer.MAX_VALUE),
                random.nextBoolean() ? 0 : random.nextInt(1_000_000_000)),
                ZoneOffset.ofTotalSeconds(60 * 15 * (random.nextInt(97) - 48)));
    }

    /** A random event: plain when every attribute and extension value is ASCII. */
    private static CloudEvent event(Random random, boolean plain) {
        CloudEventBuilder event = CloudEventBuilder.v1().withId(text(random, plain || random.nextBoolean()))
                .withType(text(random, true))
                .withSource(URI.create(random.nextBoolean() ? "urn:" + word(random) : "https://example.com/a/b?c=d"));
        if (random.nextBoolean()) {
            event.withSubject(text(random, true));
        }
        if (random.nextBoolean()) {
            event.withDataSchema(URI.create("https://example.com/schema/" + word(random)));
        }
        if (random.nextBoolean()) {
            event.withTime(time(random));
        }
        for (int i = random.nextInt(5); i > 0; i--) {
            String name = word(random);
            switch (random.nextInt(8)) {
                case 0 -> event.withExtension(name, text(random, true));
                case 1 -> event.withExtension(name, random.nextInt(3) == 0 ? Integer.MIN_VALUE : random.nextInt());
                case 2 -> event.withExtension(name, random.nextBoolean());
                case 3 -> event.withExtension(name, URI.create("urn:" + word(random) + "/x"));
                case 4 -> event.withExtension(name, new byte[] {(byte) random.nextInt(), 0, -1});
                case 5 -> event.withExtension(name, time(random));
                case 6 -> event.withExtension(name, (Number) (random.nextBoolean() ? (Number) random.nextLong()
                        : (Number) random.nextDouble()));
                default -> event.withExtension(name, Integer.MAX_VALUE);
            }
        }
        if (!plain) {
            event.withExtension("xtext", text(random, false)); // not ASCII even where the id happened to be
        }
        int data = random.nextInt(DATA.length + 2);
        if (data < DATA.length) {
            event.withData(JSON_TYPES[random.nextInt(JSON_TYPES.length)], DATA[data].getBytes(StandardCharsets.UTF_8));
        } else if (data == DATA.length) {
            event.withDataContentType(JSON_TYPES[random.nextInt(JSON_TYPES.length)]);
        }
        return event.build();
    }

    private static byte[] data(CloudEvent event) {
        return event.getData() == null ? null : event.getData().toBytes();
    }

    @Test
    void randomAsciiEventsAreWrittenWithoutAGeneratorByteForByteAsTheSdkWritesThem() {
        Random random = new Random(14);
        for (int k = 0; k < 20_000; k++) {
            CloudEvent event = event(random, true);
            byte[] sdk = SDK.serialize(event);
            assertThat(AsciiEventJson.write(event, data(event))).as(new String(sdk, StandardCharsets.UTF_8))
                    .isEqualTo(sdk);
            assertThat(EventJson.serialize(event)).isEqualTo(sdk);
        }
    }

    @Test
    void eventsWithOtherCharactersAreLeftToJacksonAndStillWrittenAsTheSdkWritesThem() {
        Random random = new Random(1404);
        for (int k = 0; k < 5_000; k++) {
            CloudEvent event = event(random, false);
            byte[] sdk = SDK.serialize(event);
            assertThat(AsciiEventJson.write(event, data(event))).isNull();
            assertThat(EventJson.serialize(event)).as(new String(sdk, StandardCharsets.UTF_8)).isEqualTo(sdk);
        }
    }

    @Test
    void everyAsciiCharacterInAnAttributeOrExtensionIsEscapedAsTheSdkEscapesIt() {
        for (char c = 0; c < 0x80; c++) {
            String text = "a" + c + "b" + c;
            CloudEvent event = CloudEventBuilder.v1().withId(text).withType("t" + c).withSource(URI.create("urn:s"))
                    .withSubject(String.valueOf(c)).withExtension("xtext", text).build();
            byte[] sdk = SDK.serialize(event);
            assertThat(AsciiEventJson.write(event, null)).as("character %d", (int) c).isEqualTo(sdk);
            assertThat(EventJson.serialize(event)).as("character %d", (int) c).isEqualTo(sdk);
        }
    }
}
