package io.wamonitor.contracts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.time.Instant;
import java.util.UUID;

/**
 * JSON encoding of envelopes: snake_case, ISO-8601 instants, unknown fields ignored so that additive
 * changes by a newer peer never break an older one.
 */
public final class EnvelopeCodec {

    private final ObjectMapper mapper = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    public byte[] encode(Envelope<?> envelope) {
        try {
            return mapper.writeValueAsBytes(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot encode " + envelope.type(), e);
        }
    }

    /**
     * Decodes a message body.
     *
     * @throws UndecodableMessageException when the body is not JSON, lacks envelope fields, names a
     *                                     type this version does not know, or has an invalid payload
     */
    public Envelope<Payload> decode(byte[] body) {
        JsonNode root;
        try {
            root = mapper.readTree(body);
        } catch (IOException e) {
            throw new UndecodableMessageException("Body is not JSON: " + e.getMessage(), null);
        }
        if (root == null || !root.isObject()) {
            throw new UndecodableMessageException("Body is not a JSON object", null);
        }
        String type = root.path("type").asText(null);
        if (type == null) {
            throw new UndecodableMessageException("Envelope has no type", null);
        }
        Class<? extends Payload> payloadClass = MessageCatalog.payloadClass(type)
                .orElseThrow(() -> new UndecodableMessageException("Unknown message type", type));
        try {
            UUID id = UUID.fromString(root.path("id").asText(""));
            Instant occurredAt = Instant.parse(root.path("occurred_at").asText(""));
            JsonNode account = root.path("account_id");
            UUID accountId = account.isTextual() ? UUID.fromString(account.asText()) : null;
            JsonNode payloadNode = root.get("payload");
            if (payloadNode == null || !payloadNode.isObject()) {
                throw new UndecodableMessageException("Envelope has no payload object", type);
            }
            Payload payload = mapper.treeToValue(payloadNode, payloadClass);
            JsonNode epoch = root.path("epoch");
            if (!epoch.isMissingNode() && !epoch.isNull() && !(epoch.isIntegralNumber() && epoch.canConvertToLong())) {
                throw new UndecodableMessageException("Envelope epoch is not a whole number", type);
            }
            return new Envelope<>(
                    id, type, occurredAt, accountId, payload, epoch.isIntegralNumber() ? epoch.asLong() : null);
        } catch (UndecodableMessageException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new UndecodableMessageException("Invalid " + type + " envelope: " + e.getMessage(), type);
        }
    }

    /** The mapper used on the wire, for tests and fixtures. */
    public ObjectMapper mapper() {
        return mapper;
    }
}
