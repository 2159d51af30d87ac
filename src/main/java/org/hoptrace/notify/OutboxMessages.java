package org.hoptrace.notify;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The relay's side of the outbox table. A relay claims due messages by moving their
 * {@code next_attempt_at} to the end of a lease; that value is the claim, so every later change
 * is made only while the row still carries it. A relay that crashed leaves the row to be claimed
 * again when the lease ends; one that took too long finds its claim gone and leaves the row alone.
 */
@Repository
class OutboxMessages {

    private final JdbcTemplate jdbc;

    OutboxMessages(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Claims up to {@code limit} pending messages due at {@code now}, oldest due first, skipping rows others hold. */
    List<OutboxMessage> claimDue(Instant now, Instant leaseEnd, int limit) {
        OffsetDateTime lease = timestamp(leaseEnd);
        return jdbc.query("""
                with due as (select message_id, next_attempt_at as due_at from outbox_message
                             where status = 'pending' and next_attempt_at <= ?
                             order by next_attempt_at, message_id limit ? for update skip locked)
                update outbox_message m set next_attempt_at = ? from due where m.message_id = due.message_id
                returning m.message_id, m.idempotency_key, m.channel, m.recipient, m.subject, m.body,
                          m.signing_secret, m.attempts, due.due_at""",
                (rs, row) -> new Due(rs.getTimestamp("due_at").toInstant(), new OutboxMessage(rs.getLong("message_id"),
                        rs.getString("idempotency_key"), OutboxMessage.Channel.of(rs.getString("channel")),
                        rs.getString("recipient"), rs.getString("subject"), rs.getString("body"),
                        rs.getString("signing_secret"), rs.getInt("attempts"), lease.toInstant())),
                timestamp(now), limit, lease)
                .stream().sorted(Comparator.comparing(Due::at).thenComparing(due -> due.message().id()))
                .map(Due::message).toList();
    }

    private record Due(Instant at, OutboxMessage message) {
    }

    /** Extends the claim right before an attempt; false if another relay has claimed the message meanwhile. */
    boolean hold(OutboxMessage message, Instant until) {
        return jdbc.update("""
                update outbox_message set next_attempt_at = ?
                where message_id = ? and status = 'pending' and next_attempt_at = ?""",
                timestamp(until), message.id(), timestamp(message.heldUntil())) == 1;
    }

    /** Gives claimed messages back unattempted (the relay is stopping). */
    void release(OutboxMessage message, Instant now) {
        jdbc.update("update outbox_message set next_attempt_at = ? where message_id = ? and status = 'pending' "
                + "and next_attempt_at = ?", timestamp(now), message.id(), timestamp(message.heldUntil()));
    }

    /** Records a delivery; false if the claim was lost meanwhile. */
    boolean markSent(OutboxMessage message, Instant now) {
        return jdbc.update("""
                update outbox_message set status = 'sent', sent_at = ?, attempts = attempts + 1
                where message_id = ? and status = 'pending' and next_attempt_at = ?""",
                timestamp(now), message.id(), timestamp(message.heldUntil())) == 1;
    }

    /**
     * Records a failed attempt: the message is tried again at {@code nextAttempt}, or, with
     * {@code giveUp}, ends as {@code failed}. False if the claim was lost meanwhile.
     */
    boolean markFailed(OutboxMessage message, String error, Instant nextAttempt, boolean giveUp) {
        return jdbc.update("""
                update outbox_message set attempts = attempts + 1, last_error = ?, next_attempt_at = ?,
                                          status = case when ? then 'failed' else 'pending' end
                where message_id = ? and status = 'pending' and next_attempt_at = ?""",
                error, timestamp(nextAttempt), giveUp, message.id(), timestamp(message.heldUntil())) == 1;
    }

    long count(String status) {
        return jdbc.queryForObject("select count(*) from outbox_message where status = ?", Long.class, status);
    }

    /** Microseconds, as PostgreSQL keeps them, so that a claim compares equal to itself. */
    private static OffsetDateTime timestamp(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }
}
