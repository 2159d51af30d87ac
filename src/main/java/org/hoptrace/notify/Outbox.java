package org.hoptrace.notify;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Where features put every message to the outside world. A notice is written in the caller's
 * transaction, so it exists exactly when the change that caused it was committed; the relay
 * delivers it afterwards, with retries. Enqueueing an idempotency key a second time does nothing.
 */
@Component
public class Outbox {

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ObjectMapper json;
    private final OutboxSignal signal;

    Outbox(JdbcTemplate jdbc, Clock clock, ObjectMapper json, OutboxSignal signal) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.json = json;
        this.signal = signal;
    }

    /** An email to the given addresses. Returns false if this idempotency key was enqueued before. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean email(String idempotencyKey, List<String> to, String subject, String text) {
        if (to.isEmpty()) {
            throw new IllegalArgumentException("an email needs at least one recipient");
        }
        return enqueue(idempotencyKey, "email", String.join(",", to), subject, text, null);
    }

    /**
     * A webhook: {@code payload} is POSTed as JSON to {@code url}, signed with {@code secret}
     * (docs/webhooks.md). Returns false if this idempotency key was enqueued before.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean webhook(String idempotencyKey, String url, String secret, String event, Map<String, Object> payload) {
        try {
            return enqueue(idempotencyKey, "webhook", url, event, json.writeValueAsString(payload), secret);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("webhook payload is not JSON-compatible", e);
        }
    }

    private boolean enqueue(String key, String channel, String recipient, String subject, String body, String secret) {
        Timestamp now = Timestamp.from(clock.instant());
        int inserted = jdbc.update("""
                insert into outbox_message (idempotency_key, channel, recipient, subject, body, signing_secret,
                                            next_attempt_at, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (idempotency_key) do nothing""", key, channel, recipient, subject, body, secret, now, now);
        if (inserted == 1 && TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    signal.notifyPending();
                }
            });
        }
        return inserted == 1;
    }
}
