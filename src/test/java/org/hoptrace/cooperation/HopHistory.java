package org.hoptrace.cooperation;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.jdbc.core.JdbcTemplate;

/** Hop history written straight into the tables, for records at exact instants: tracebacks, hops, answers, escalations. */
final class HopHistory {

    private static final AtomicInteger REFERENCES = new AtomicInteger();

    private final JdbcTemplate jdbc;

    HopHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A traceback with the given outcome (null: still open) whose first hop goes to {@code terminating}. */
    UUID traceback(UUID terminating, String outcome) {
        UUID id = UUID.randomUUID();
        jdbc.update("""
                insert into traceback (traceback_id, reference, calling_number, called_number, call_time,
                                       terminating_provider_id, priority, status, outcome, created_by, created_at)
                values (?, ?, '+12025550143', '+13125550178', now(), ?, 'normal', ?, ?, 'test', now())""",
                id, "TC-%06d".formatted(REFERENCES.incrementAndGet()), terminating,
                outcome == null ? "open" : "completed", outcome);
        return id;
    }

    /** A hop of a new traceback, requested at {@code requested} with a deadline 24 hours later. */
    UUID hop(UUID provider, Instant requested, String status) {
        return hop(traceback(provider, null), provider, requested, status);
    }

    UUID hop(UUID traceback, UUID provider, Instant requested, String status) {
        UUID id = UUID.randomUUID();
        jdbc.update("""
                insert into hop (hop_id, traceback_id, hop_number, provider_id, status, requested_at, deadline, answered_at)
                values (?, ?, (select count(*) + 1 from hop where traceback_id = ?), ?, ?, ?, ?, null)""",
                id, traceback, traceback, provider, status, Timestamp.from(requested),
                Timestamp.from(requested.plusSeconds(24 * 3600)));
        return id;
    }

    /** The hop's answer, received at {@code received}; late when after the hop's deadline. */
    void answer(UUID hop, String type, UUID upstream, Instant received) {
        jdbc.update("""
                insert into hop_answer (hop_id, answer_type, upstream_provider_id, customer_name, explanation, channel,
                                        answered_by, received_at, late, fingerprint)
                select ?, ?, ?, 'Dialer Express', 'no CDR', 'api', 'test', ?, ? > deadline, md5(random()::text)
                from hop where hop_id = ?""",
                hop, type, upstream, Timestamp.from(received), Timestamp.from(received), hop);
        jdbc.update("update hop set status = case when status = 'requested' then 'answered' else status end, "
                + "answered_at = ? where hop_id = ?", Timestamp.from(received), hop);
    }

    void markInsufficient(UUID hop, Instant at) {
        jdbc.update("""
                update hop_answer set insufficient_reason = 'no upstream in the records', marked_insufficient_by = 'staff',
                       marked_insufficient_at = ? where hop_id = ?""", Timestamp.from(at), hop);
    }

    /** An escalation of the provider, running (closedAt null) or closed at {@code closedAt}. */
    UUID escalation(UUID provider, Instant started, Instant stepDue, Instant closedAt) {
        UUID id = UUID.randomUUID();
        String reference = "ESC-T-%06d".formatted(REFERENCES.incrementAndGet());
        jdbc.update("""
                insert into escalation (escalation_id, reference, provider_id, status, step, step_due_at, outcome,
                                        outcome_reason, started_at, closed_at)
                values (?, ?, ?, ?, 'warning-notice', ?, ?, ?, ?, ?)""",
                id, reference, provider, closedAt == null ? "running" : "closed", Timestamp.from(stepDue),
                closedAt == null ? null : "cured", closedAt == null ? null : "answered its pending hops",
                Timestamp.from(started), closedAt == null ? null : Timestamp.from(closedAt));
        jdbc.update("""
                insert into escalation_event (escalation_id, happened_at, kind, detail, actor)
                values (?, ?, 'warning-sent', 'warning notice to the provider''s traceback contacts', 'hoptrace')""",
                id, Timestamp.from(started));
        return id;
    }

    String reference(UUID escalation) {
        return jdbc.queryForObject("select reference from escalation where escalation_id = ?", String.class, escalation);
    }
}
