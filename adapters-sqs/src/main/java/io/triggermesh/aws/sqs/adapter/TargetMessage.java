package io.triggermesh.aws.sqs.adapter;

import io.cloudevents.CloudEvent;
import io.triggermesh.aws.spi.api.Sha256;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The SQS message made of one CloudEvent: the whole event in JSON format, or only its data when
 * {@code discardCloudEventContext} is set; for FIFO queues the message group from the spec and a deduplication id
 * derived from the event's id and source, so a redelivered event is deduplicated by SQS. The id is a SHA-256 hex
 * digest: 64 characters, always within SQS's 128.
 *
 * @param body the message body
 * @param bytes its UTF-8 size, which SQS limits
 * @param groupId the message group (FIFO), or null
 * @param deduplicationId the deduplication id (FIFO), or null
 */
record TargetMessage(String body, int bytes, String groupId, String deduplicationId) {

    /** Why an event cannot become a message; the answer is a 400. */
    static final class Unsendable extends Exception {
        Unsendable(String message) {
            super(message, null, false, false);
        }
    }

    static TargetMessage of(CloudEvent event, boolean discardContext, String groupId) throws Unsendable {
        byte[] utf8 = discardContext ? data(event) : EventJson.serialize(event);
        String body = discardContext ? dataText(utf8) : new String(utf8, StandardCharsets.UTF_8);
        if (!plainText(utf8)) {
            checkCharacters(body);
        }
        // The size SQS counts is that of the UTF-8 bytes just decoded: no second encoding to measure it.
        int bytes = utf8.length;
        String dedup = groupId == null ? null : deduplicationId(event);
        return new TargetMessage(body, bytes, groupId, dedup);
    }

    static String deduplicationId(CloudEvent event) {
        // source, NUL, id: the original computation, no NUL after the id (ids already in flight must keep matching)
        return Sha256.hex(event.getSource() + "\0" + event.getId());
    }

    private static byte[] data(CloudEvent event) {
        return event.getData() == null ? new byte[0] : event.getData().toBytes();
    }

    private static String dataText(byte[] data) throws Unsendable {
        if (data.length == 0) {
            throw new Unsendable("the event has no data; with discardCloudEventContext the message is the data,"
                    + " and SQS needs a non-empty message");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(data)).toString();
        } catch (CharacterCodingException e) {
            throw new Unsendable("the event's data is not UTF-8 text, and an SQS message can only carry text;"
                    + " send it without discardCloudEventContext to have it base64-encoded in the event");
        }
    }

    /**
     * Whether {@code utf8} is ASCII with no control character but tab, LF and CR: always allowed, and what nearly
     * every message is (JSON escapes control characters), so the code-point check below is skipped for it; it costs
     * several per cent of the target's CPU under load.
     */
    static boolean plainText(byte[] utf8) {
        for (byte b : utf8) {
            // Bytes of non-ASCII characters are negative, so below 0x20 too: they take the full check.
            if (b < 0x20 && b != 0x9 && b != 0xA && b != 0xD) {
                return false;
            }
        }
        return true;
    }

    /** SQS allows #x9, #xA, #xD, #x20-#xD7FF, #xE000-#xFFFD and #x10000-#x10FFFF. */
    private static void checkCharacters(String body) throws Unsendable {
        for (int i = 0; i < body.length(); ) {
            int c = body.codePointAt(i);
            boolean ok = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                    || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
            if (!ok) {
                throw new Unsendable("the message would contain the character U+" + String.format("%04X", c)
                        + ", which SQS does not accept");
            }
            i += Character.charCount(c);
        }
    }
}
