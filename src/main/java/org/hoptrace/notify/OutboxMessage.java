package org.hoptrace.notify;

import java.time.Instant;

/**
 * A message claimed from the outbox for one delivery attempt.
 *
 * @param recipient   comma-separated email addresses, or the webhook URL
 * @param subject     the email subject, or the webhook event type
 * @param body        the email text, or the webhook JSON payload
 * @param attempts    attempts made before this one
 * @param heldUntil   the claim: the relay holding it owns the message until then (next_attempt_at in the table)
 */
record OutboxMessage(long id, String idempotencyKey, Channel channel, String recipient, String subject, String body,
                     String signingSecret, int attempts, Instant heldUntil) {

    enum Channel {
        EMAIL, WEBHOOK;

        String code() {
            return name().toLowerCase();
        }

        static Channel of(String code) {
            return valueOf(code.toUpperCase());
        }
    }

    OutboxMessage heldUntil(Instant until) {
        return new OutboxMessage(id, idempotencyKey, channel, recipient, subject, body, signingSecret, attempts, until);
    }

    @Override
    public String toString() {
        return "%s %d (%s)".formatted(channel.code(), id, idempotencyKey);
    }
}
