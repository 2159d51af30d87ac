package org.hoptrace.provider;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The hops a provider was asked to answer, newest first: read-only, for the provider's page. */
@Repository
class ProviderHops {

    record RecentHop(UUID tracebackId, String reference, int hopNumber, String status, Instant requestedAt,
                     Instant deadline, Instant answeredAt) {
    }

    private final JdbcTemplate jdbc;

    ProviderHops(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<RecentHop> recent(UUID providerId, int limit) {
        return jdbc.query("""
                select t.traceback_id, t.reference, h.hop_number, h.status, h.requested_at, h.deadline, h.answered_at
                from hop h join traceback t on t.traceback_id = h.traceback_id
                where h.provider_id = ?
                order by h.requested_at desc, t.reference limit ?""",
                (rs, row) -> new RecentHop(rs.getObject("traceback_id", UUID.class), rs.getString("reference"),
                        rs.getInt("hop_number"), rs.getString("status"), instant(rs.getTimestamp("requested_at")),
                        instant(rs.getTimestamp("deadline")), instant(rs.getTimestamp("answered_at"))),
                providerId, limit);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
