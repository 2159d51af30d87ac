package org.hoptrace.cooperation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** A provider's escalations and their events, newest first, read from the escalation process's tables. */
@Repository
class EscalationHistory {

    /** One escalation of the provider. */
    record Escalation(UUID id, String reference, String status, String step, Instant stepDueAt, String outcome,
                      String outcomeReason, Instant startedAt, Instant closedAt, List<Event> events) {

        public boolean running() {
            return "running".equals(status);
        }
    }

    record Event(Instant happenedAt, String kind, String detail, String actor) {
    }

    private final JdbcTemplate jdbc;

    EscalationHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<Escalation> of(UUID providerId) {
        Map<UUID, List<Event>> events = new LinkedHashMap<>();
        jdbc.query("""
                select ev.escalation_id, ev.happened_at, ev.kind, ev.detail, ev.actor
                from escalation_event ev join escalation e on e.escalation_id = ev.escalation_id
                where e.provider_id = ? order by ev.happened_at, ev.event_id""", rs -> {
            events.computeIfAbsent(rs.getObject("escalation_id", UUID.class), id -> new ArrayList<>())
                    .add(new Event(instant(rs, "happened_at"), rs.getString("kind"), rs.getString("detail"),
                            rs.getString("actor")));
        }, providerId);
        return jdbc.query("""
                select escalation_id, reference, status, step, step_due_at, outcome, outcome_reason, started_at, closed_at
                from escalation where provider_id = ? order by started_at desc""",
                (rs, row) -> {
                    UUID id = rs.getObject("escalation_id", UUID.class);
                    return new Escalation(id, rs.getString("reference"), rs.getString("status"), rs.getString("step"),
                            instant(rs, "step_due_at"), rs.getString("outcome"), rs.getString("outcome_reason"),
                            instant(rs, "started_at"), instant(rs, "closed_at"), events.getOrDefault(id, List.of()));
                }, providerId);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
