package org.hoptrace.workflow;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A message to publish, as in Camunda 8: a name, a correlation key, variables, a time-to-live
 * (how long it waits for a subscription) and an optional message id (delivered at most once).
 */
public record MessagePublication(String name, String correlationKey, Map<String, Object> variables,
                                 Duration timeToLive, String messageId) {

    public MessagePublication {
        Objects.requireNonNull(name, "message name");
        Objects.requireNonNull(correlationKey, "correlation key");
        // null values are allowed: they are JSON nulls, as in Camunda 8
        variables = variables == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(variables));
        timeToLive = timeToLive == null ? Duration.ZERO : timeToLive;
        if (timeToLive.isNegative()) {
            throw new IllegalArgumentException("time-to-live must not be negative");
        }
    }

    public static MessagePublication of(String name, String correlationKey, Map<String, Object> variables) {
        return new MessagePublication(name, correlationKey, variables, Duration.ZERO, null);
    }

    public MessagePublication withTimeToLive(Duration ttl) {
        return new MessagePublication(name, correlationKey, variables, ttl, messageId);
    }

    public MessagePublication withMessageId(String id) {
        return new MessagePublication(name, correlationKey, variables, timeToLive, id);
    }
}
