package org.hoptrace.traceback;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** Tracebacks, their hops and the hops' answers in PostgreSQL. */
@Repository
public class TracebackRepository {

    private static final String TRACEBACK_COLUMNS = """
            traceback_id, reference, calling_number, called_number, call_time, campaign, attestation, origination_id,
            terminating_provider_id, priority, status, outcome, outcome_reason, process_instance_key, created_by,
            created_at, completed_at""";
    private static final String HOP_COLUMNS = """
            hop_id, traceback_id, hop_number, provider_id, status, requested_at, deadline, reminder_at, reminded_at,
            answered_at, request_count""";
    private static final String ANSWER_COLUMNS = """
            hop_id, answer_type, upstream_provider_id, upstream_name, upstream_email, upstream_phone, upstream_country,
            customer_name, customer_details, explanation, comment, channel, answered_by, received_at, late, fingerprint,
            insufficient_reason, marked_insufficient_by, marked_insufficient_at""";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    TracebackRepository(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Inserts an open traceback with the next readable reference (TB-year-number). */
    Traceback insert(NewTraceback call, String createdBy) {
        Instant now = clock.instant();
        long number = jdbc.queryForObject("select nextval('traceback_reference_seq')", Long.class);
        String reference = "TB-%d-%06d".formatted(now.atZone(ZoneOffset.UTC).getYear(), number);
        UUID id = UUID.randomUUID();
        jdbc.update("""
                insert into traceback (traceback_id, reference, calling_number, called_number, call_time, campaign,
                                       attestation, origination_id, terminating_provider_id, priority, status,
                                       created_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open', ?, ?)""",
                id, reference, call.callingNumber(), call.calledNumber(), Timestamp.from(call.callTime()),
                call.campaign(), call.attestation(), call.originationId(), call.terminatingProviderId(),
                call.priority().code(), createdBy, Timestamp.from(now));
        return get(id);
    }

    public Optional<Traceback> find(UUID id) {
        return jdbc.query("select " + TRACEBACK_COLUMNS + " from traceback where traceback_id = ?", TRACEBACK, id)
                .stream().findFirst();
    }

    public Optional<Traceback> findByReference(String reference) {
        return jdbc.query("select " + TRACEBACK_COLUMNS + " from traceback where reference = ?", TRACEBACK, reference)
                .stream().findFirst();
    }

    public Traceback get(UUID id) {
        return find(id).orElseThrow(() -> new UnknownTracebackException(id.toString()));
    }

    void setProcessInstance(UUID tracebackId, String processInstanceKey) {
        jdbc.update("update traceback set process_instance_key = ? where traceback_id = ?", processInstanceKey, tracebackId);
    }

    /** Ends an open traceback with an outcome; false if it had ended already. */
    boolean complete(UUID tracebackId, Traceback.Outcome outcome, String reason) {
        String status = outcome == Traceback.Outcome.CANCELLED ? "cancelled" : "completed";
        return jdbc.update("""
                update traceback set status = ?, outcome = ?, outcome_reason = ?, completed_at = ?
                where traceback_id = ? and status = 'open'""",
                status, outcome.code(), reason, Timestamp.from(clock.instant()), tracebackId) == 1;
    }

    /** Opens a traceback again (a hop was reopened): status open, no outcome. */
    void reopen(UUID tracebackId) {
        jdbc.update("""
                update traceback set status = 'open', outcome = null, outcome_reason = null, completed_at = null
                where traceback_id = ?""", tracebackId);
    }

    public List<Hop> hops(UUID tracebackId) {
        return jdbc.query("select " + HOP_COLUMNS + " from hop where traceback_id = ? order by hop_number", HOP, tracebackId);
    }

    public Optional<Hop> findHop(UUID hopId) {
        return jdbc.query("select " + HOP_COLUMNS + " from hop where hop_id = ?", HOP, hopId).stream().findFirst();
    }

    public Hop getHop(UUID hopId) {
        return findHop(hopId).orElseThrow(() -> new UnknownHopException(hopId));
    }

    /** The hop of a traceback with the given number, for idempotent hop creation. */
    Optional<Hop> findHop(UUID tracebackId, int number) {
        return jdbc.query("select " + HOP_COLUMNS + " from hop where traceback_id = ? and hop_number = ?",
                HOP, tracebackId, number).stream().findFirst();
    }

    /** Inserts a requested hop; if the traceback has that hop number already, returns the existing one. */
    Hop insertHop(UUID tracebackId, int number, UUID providerId) {
        UUID id = UUID.randomUUID();
        jdbc.update("""
                insert into hop (hop_id, traceback_id, hop_number, provider_id, status, requested_at)
                values (?, ?, ?, ?, 'requested', ?)
                on conflict (traceback_id, hop_number) do nothing""",
                id, tracebackId, number, providerId, Timestamp.from(clock.instant()));
        return findHop(tracebackId, number).orElseThrow();
    }

    void setDeadline(UUID hopId, Instant deadline, Instant reminderAt) {
        jdbc.update("update hop set deadline = ?, reminder_at = ? where hop_id = ?",
                Timestamp.from(deadline), Timestamp.from(reminderAt), hopId);
    }

    void markReminded(UUID hopId) {
        jdbc.update("update hop set reminded_at = ? where hop_id = ?", Timestamp.from(clock.instant()), hopId);
    }

    /** Marks a hop that is still waiting as non-responsive; false if it was answered meanwhile. */
    boolean markNonResponsive(UUID hopId) {
        return jdbc.update("update hop set status = 'non-responsive' where hop_id = ? and status = 'requested'", hopId) == 1;
    }

    void markAnswered(UUID hopId, Instant answeredAt) {
        jdbc.update("update hop set status = 'answered', answered_at = ? where hop_id = ?", Timestamp.from(answeredAt), hopId);
    }

    void cancelOpenHops(UUID tracebackId) {
        jdbc.update("update hop set status = 'cancelled' where traceback_id = ? and status = 'requested'", tracebackId);
    }

    /** Asks a hop again: status requested, a new request time, one more request counted. */
    Hop rerequest(UUID hopId) {
        jdbc.update("""
                update hop set status = 'requested', requested_at = ?, deadline = null, reminder_at = null,
                       reminded_at = null, request_count = request_count + 1
                where hop_id = ?""", Timestamp.from(clock.instant()), hopId);
        return getHop(hopId);
    }

    /** Provider ids met so far in a traceback, in hop order. */
    public List<UUID> providerChain(UUID tracebackId) {
        return jdbc.queryForList("select provider_id from hop where traceback_id = ? order by hop_number",
                UUID.class, tracebackId);
    }

    public Optional<HopAnswer> answer(UUID hopId) {
        return jdbc.query("select " + ANSWER_COLUMNS + " from hop_answer where hop_id = ?", ANSWER, hopId)
                .stream().findFirst();
    }

    /** Marks a hop's answer insufficient (again, with this reason); false if the hop has no answer. */
    boolean markInsufficient(UUID hopId, String reason, String markedBy) {
        return jdbc.update("""
                update hop_answer set insufficient_reason = ?, marked_insufficient_by = ?, marked_insufficient_at = ?
                where hop_id = ?""", reason, markedBy, Timestamp.from(clock.instant()), hopId) == 1;
    }

    /** Clears the insufficient mark of a hop's answer; false if the hop has no answer. */
    boolean clearInsufficient(UUID hopId) {
        return jdbc.update("""
                update hop_answer set insufficient_reason = null, marked_insufficient_by = null,
                       marked_insufficient_at = null where hop_id = ?""", hopId) == 1;
    }

    /** Records that a provider was flagged for the non-cooperation escalation; once per hop and reason. */
    void flagProvider(UUID providerId, String reason, UUID hopId) {
        jdbc.update("""
                insert into provider_flag (provider_id, reason, hop_id, flagged_at) values (?, ?, ?, ?)
                on conflict (hop_id, reason) do nothing""", providerId, reason, hopId, Timestamp.from(clock.instant()));
    }

    /** A provider's hops that still wait for its answer (requested, or non-responsive and unanswered), by deadline. */
    public List<Hop> openHopsOf(UUID providerId) {
        return jdbc.query("select " + HOP_COLUMNS + " from hop h where provider_id = ? "
                + "and status in ('requested', 'non-responsive') "
                + "and not exists (select 1 from hop_answer a where a.hop_id = h.hop_id) "
                + "order by deadline nulls last, requested_at", HOP, providerId);
    }

    private static Instant instant(ResultSet rs, String column) throws java.sql.SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static final RowMapper<Traceback> TRACEBACK = (rs, row) -> new Traceback(
            rs.getObject("traceback_id", UUID.class), rs.getString("reference"), rs.getString("calling_number"),
            rs.getString("called_number"), instant(rs, "call_time"), rs.getString("campaign"),
            rs.getString("attestation"), rs.getString("origination_id"),
            rs.getObject("terminating_provider_id", UUID.class),
            Traceback.Priority.valueOf(rs.getString("priority").toUpperCase()),
            Traceback.Status.valueOf(rs.getString("status").toUpperCase()),
            rs.getString("outcome") == null ? null : Traceback.Outcome.ofCode(rs.getString("outcome")),
            rs.getString("outcome_reason"), rs.getString("process_instance_key"), rs.getString("created_by"),
            instant(rs, "created_at"), instant(rs, "completed_at"));

    private static final RowMapper<Hop> HOP = (rs, row) -> new Hop(
            rs.getObject("hop_id", UUID.class), rs.getObject("traceback_id", UUID.class), rs.getInt("hop_number"),
            rs.getObject("provider_id", UUID.class), Hop.Status.ofCode(rs.getString("status")),
            instant(rs, "requested_at"), instant(rs, "deadline"), instant(rs, "reminder_at"),
            instant(rs, "reminded_at"), instant(rs, "answered_at"), rs.getInt("request_count"));

    private static final RowMapper<HopAnswer> ANSWER = (rs, row) -> new HopAnswer(
            rs.getObject("hop_id", UUID.class), HopAnswer.Type.ofCode(rs.getString("answer_type")),
            rs.getObject("upstream_provider_id", UUID.class), rs.getString("upstream_name"),
            rs.getString("upstream_email"), rs.getString("upstream_phone"), rs.getString("upstream_country"),
            rs.getString("customer_name"), rs.getString("customer_details"), rs.getString("explanation"),
            rs.getString("comment"), rs.getString("channel"), rs.getString("answered_by"),
            instant(rs, "received_at"), rs.getBoolean("late"), rs.getString("fingerprint"),
            rs.getString("insufficient_reason"), rs.getString("marked_insufficient_by"),
            instant(rs, "marked_insufficient_at"));
}
