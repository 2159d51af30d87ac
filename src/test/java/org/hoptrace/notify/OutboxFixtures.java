package org.hoptrace.notify;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Enqueues notices the way features do (in a transaction) under idempotency keys unique to one test
 * class, reads their rows back, and deletes them afterwards.
 */
final class OutboxFixtures {

    /** An outbox row as the relay left it. */
    record Row(String status, int attempts, Instant nextAttemptAt, String lastError, Instant sentAt) {
    }

    private final String prefix = "notify-test:" + UUID.randomUUID() + ":";
    private final Outbox outbox;
    private final TransactionTemplate transactions;
    private final JdbcTemplate jdbc;

    OutboxFixtures(Outbox outbox, TransactionTemplate transactions, JdbcTemplate jdbc) {
        this.outbox = outbox;
        this.transactions = transactions;
        this.jdbc = jdbc;
    }

    /** A fresh idempotency key of this test class. */
    String key(String name) {
        return prefix + name + ":" + UUID.randomUUID();
    }

    boolean email(String key, List<String> to, String subject, String text) {
        return transactions.execute(status -> outbox.email(key, to, subject, text));
    }

    boolean webhook(String key, String url, String secret, String event, Map<String, Object> payload) {
        return transactions.execute(status -> outbox.webhook(key, url, secret, event, payload));
    }

    Row row(String key) {
        return jdbc.queryForObject("""
                select status, attempts, next_attempt_at, last_error, sent_at from outbox_message
                where idempotency_key = ?""", (rs, n) -> new Row(rs.getString("status"), rs.getInt("attempts"),
                rs.getTimestamp("next_attempt_at").toInstant(), rs.getString("last_error"),
                rs.getTimestamp("sent_at") == null ? null : rs.getTimestamp("sent_at").toInstant()), key);
    }

    int rows(String key) {
        return jdbc.queryForObject("select count(*) from outbox_message where idempotency_key = ?", Integer.class, key);
    }

    /** Moves a message's next attempt, as a relay's claim does. */
    void setNextAttempt(String key, Instant at) {
        jdbc.update("update outbox_message set next_attempt_at = ? where idempotency_key = ?", Timestamp.from(at), key);
    }

    void purge() {
        jdbc.update("delete from outbox_message where idempotency_key like ?", prefix + "%");
    }
}
