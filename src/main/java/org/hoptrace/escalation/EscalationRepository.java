package org.hoptrace.escalation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** Escalations, their history and the provider flags that start or join them, in PostgreSQL. */
@Repository
public class EscalationRepository {

    private static final String COLUMNS = """
            escalation_id, reference, provider_id, status, step, step_due_at, outcome, outcome_reason,
            process_instance_key, started_at, closed_at""";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    EscalationRepository(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Optional<Escalation> find(UUID id) {
        return jdbc.query("select " + COLUMNS + " from escalation where escalation_id = ?", ROW, id).stream().findFirst();
    }

    public Escalation get(UUID id) {
        return find(id).orElseThrow(() -> new UnknownEscalationException(id.toString()));
    }

    /** The provider's running escalation, if it has one (there is at most one). */
    public Optional<Escalation> running(UUID providerId) {
        return jdbc.query("select " + COLUMNS + " from escalation where provider_id = ? and status = 'running'",
                ROW, providerId).stream().findFirst();
    }

    /** Escalations, newest first, optionally of one provider and one status. */
    public List<Escalation> list(UUID providerId, Escalation.Status status, int limit) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from escalation where true");
        List<Object> args = new ArrayList<>();
        if (providerId != null) {
            sql.append(" and provider_id = ?");
            args.add(providerId);
        }
        if (status != null) {
            sql.append(" and status = ?");
            args.add(status.code());
        }
        sql.append(" order by started_at desc, reference desc limit ?");
        args.add(limit);
        return jdbc.query(sql.toString(), ROW, args.toArray());
    }

    /**
     * Inserts a running escalation at its first step, unless the provider has one running already
     * (the unique index decides, also between concurrent transactions): then empty.
     */
    Optional<Escalation> insertRunning(UUID providerId, String firstStep) {
        Instant now = clock.instant();
        long number = jdbc.queryForObject("select nextval('escalation_reference_seq')", Long.class);
        String reference = "ESC-%d-%06d".formatted(now.atZone(ZoneOffset.UTC).getYear(), number);
        UUID id = UUID.randomUUID();
        int inserted = jdbc.update("""
                insert into escalation (escalation_id, reference, provider_id, status, step, started_at)
                values (?, ?, ?, 'running', ?, ?)
                on conflict (provider_id) where status = 'running' do nothing""",
                id, reference, providerId, firstStep, Timestamp.from(now));
        return inserted == 1 ? find(id) : Optional.empty();
    }

    void setProcessInstance(UUID id, String processInstanceKey) {
        jdbc.update("update escalation set process_instance_key = ? where escalation_id = ?", processInstanceKey, id);
    }

    /** Moves a running escalation to a step with the end of its period (null: no period). */
    void setStep(UUID id, String step, Instant dueAt) {
        jdbc.update("update escalation set step = ?, step_due_at = ? where escalation_id = ? and status = 'running'",
                step, dueAt == null ? null : Timestamp.from(dueAt), id);
    }

    /** Closes a running escalation; false if it was closed already. */
    boolean close(UUID id, Escalation.Outcome outcome, String reason) {
        return jdbc.update("""
                update escalation set status = 'closed', outcome = ?, outcome_reason = ?, closed_at = ?, step_due_at = null
                where escalation_id = ? and status = 'running'""",
                outcome.code(), reason, Timestamp.from(clock.instant()), id) == 1;
    }

    public List<EscalationEvent> events(UUID escalationId) {
        return jdbc.query("""
                select event_id, happened_at, kind, detail, actor from escalation_event
                where escalation_id = ? order by happened_at, event_id""",
                (rs, row) -> new EscalationEvent(rs.getLong("event_id"), instant(rs, "happened_at"), rs.getString("kind"),
                        rs.getString("detail"), rs.getString("actor")), escalationId);
    }

    void addEvent(UUID escalationId, String kind, String detail, String actor) {
        jdbc.update("insert into escalation_event (escalation_id, happened_at, kind, detail, actor) values (?, ?, ?, ?, ?)",
                escalationId, Timestamp.from(clock.instant()), kind, detail, actor);
    }

    /** An event about one flag, recorded once; false if it was recorded before. */
    boolean addFlagEvent(UUID escalationId, String kind, String detail, long flagId) {
        return jdbc.update("""
                insert into escalation_event (escalation_id, happened_at, kind, detail, actor, flag_id)
                values (?, ?, ?, ?, 'hoptrace', ?)
                on conflict (escalation_id, kind, flag_id) where flag_id is not null do nothing""",
                escalationId, Timestamp.from(clock.instant()), kind, detail, flagId) == 1;
    }

    boolean hasFlagEvent(UUID escalationId, String kind, long flagId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from escalation_event where escalation_id = ? and kind = ? and flag_id = ?)",
                Boolean.class, escalationId, kind, flagId));
    }

    /** Whether an event of this kind was recorded, e.g. a step's notices. */
    boolean hasEvent(UUID escalationId, String kind) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from escalation_event where escalation_id = ? and kind = ?)",
                Boolean.class, escalationId, kind));
    }

    /** The oldest flag nobody has handled yet, locked for this transaction; others skip it. */
    Optional<ProviderFlag> claimUnhandledFlag(Collection<Long> skipped) {
        return jdbc.query("""
                select flag_id, provider_id, reason, hop_id, flagged_at from provider_flag
                where handled_at is null and not (flag_id = any (?))
                order by flagged_at, flag_id limit 1 for update skip locked""", FLAG, (Object) skipped.toArray(Long[]::new))
                .stream().findFirst();
    }

    void markFlagHandled(long flagId, UUID escalationId) {
        jdbc.update("update provider_flag set handled_at = ?, escalation_id = ? where flag_id = ?",
                Timestamp.from(clock.instant()), escalationId, flagId);
    }

    public Optional<ProviderFlag> flag(long flagId) {
        return jdbc.query("select flag_id, provider_id, reason, hop_id, flagged_at from provider_flag where flag_id = ?",
                FLAG, flagId).stream().findFirst();
    }

    /** The flags that started or joined an escalation, oldest first. */
    public List<ProviderFlag> flags(UUID escalationId) {
        return jdbc.query("""
                select flag_id, provider_id, reason, hop_id, flagged_at from provider_flag
                where escalation_id = ? order by flagged_at, flag_id""", FLAG, escalationId);
    }

    /** Running escalations at one step, e.g. those in their cure period. */
    List<Escalation> runningAt(String step) {
        return jdbc.query("select " + COLUMNS + " from escalation where status = 'running' and step = ?", ROW, step);
    }

    /** Escalations of the provider that started within the window before this one. */
    int earlierEscalations(UUID providerId, UUID except, Instant since) {
        return jdbc.queryForObject("""
                select count(*) from escalation where provider_id = ? and escalation_id <> ? and started_at >= ?""",
                Integer.class, providerId, except, Timestamp.from(since));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static final RowMapper<ProviderFlag> FLAG = (rs, row) -> new ProviderFlag(rs.getLong("flag_id"),
            rs.getObject("provider_id", UUID.class), rs.getString("reason"), rs.getObject("hop_id", UUID.class),
            instant(rs, "flagged_at"));

    private static final RowMapper<Escalation> ROW = (rs, row) -> new Escalation(
            rs.getObject("escalation_id", UUID.class), rs.getString("reference"), rs.getObject("provider_id", UUID.class),
            Escalation.Status.valueOf(rs.getString("status").toUpperCase()), rs.getString("step"),
            instant(rs, "step_due_at"),
            rs.getString("outcome") == null ? null : Escalation.Outcome.ofCode(rs.getString("outcome")),
            rs.getString("outcome_reason"), rs.getString("process_instance_key"), instant(rs, "started_at"),
            instant(rs, "closed_at"));
}
