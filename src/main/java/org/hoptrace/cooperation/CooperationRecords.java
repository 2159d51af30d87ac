package org.hoptrace.cooperation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Cooperation records computed from the hop history in one set-based query: every provider at once
 * (the nightly assessment, the list, the export) or one provider (its scorecard). A hop belongs to
 * the windows its request time falls in; answers and staff marks count only if they exist at the
 * instant the windows end, so a record can be computed for any moment in the past.
 */
@Repository
class CooperationRecords {

    static final int SHORT_WINDOW_DAYS = 90;
    static final int LONG_WINDOW_MONTHS = 12;

    /** The counts of one window; {@code %1$s} is the window's start parameter. */
    private static final String WINDOW_COUNTS = """
            count(*) filter (where h.requested_at > :%1$s and not (h.status = 'cancelled' and a.hop_id is null)),
            count(*) filter (where h.requested_at > :%1$s and a.hop_id is not null and not a.late),
            count(*) filter (where h.requested_at > :%1$s and a.late),
            count(*) filter (where h.requested_at > :%1$s and h.deadline <= :at and (a.hop_id is null or a.late)
                             and not (h.status = 'cancelled' and a.hop_id is null)),
            count(*) filter (where h.requested_at > :%1$s and a.answer_type = 'not-found'),
            count(*) filter (where h.requested_at > :%1$s and a.answer_type = 'origin'),
            count(*) filter (where h.requested_at > :%1$s and t.outcome = 'foreign-point-of-entry' and up.country <> 'US'),
            count(*) filter (where h.requested_at > :%1$s and a.marked_insufficient_at <= :at)""";

    private static final String RECORDS = """
            with counts as (
                select h.provider_id,
                       %s,
                       %s
                from hop h
                left join hop_answer a on a.hop_id = h.hop_id and a.received_at <= :at
                left join provider up on up.provider_id = a.upstream_provider_id
                left join traceback t on t.traceback_id = h.traceback_id and a.upstream_provider_id is not null
                where h.requested_at > :fromLong and h.requested_at <= :at %s
                group by h.provider_id)
            select p.provider_id, p.legal_name, p.country, p.role, p.cooperation_status, p.cooperation_status_since,
                   p.cooperation_assessed_at, p.listed_non_cooperative_at, c.*
            from provider p left join counts c on c.provider_id = p.provider_id
            %s
            order by lower(p.legal_name), p.provider_id""";

    private static final String ALL = RECORDS.formatted(WINDOW_COUNTS.formatted("fromShort"),
            WINDOW_COUNTS.formatted("fromLong"), "", "");
    private static final String ONE = RECORDS.formatted(WINDOW_COUNTS.formatted("fromShort"),
            WINDOW_COUNTS.formatted("fromLong"), "and h.provider_id = :providerId", "where p.provider_id = :providerId");

    private final NamedParameterJdbcTemplate jdbc;

    CooperationRecords(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every provider's record at {@code at}, by name. */
    List<CooperationRecord> all(Instant at) {
        return jdbc.query(ALL, parameters(at), mapper(at));
    }

    /** One provider's record at {@code at}; empty if there is no such provider. */
    Optional<CooperationRecord> of(UUID providerId, Instant at) {
        return jdbc.query(ONE, parameters(at).addValue("providerId", providerId), mapper(at)).stream().findFirst();
    }

    static Instant shortWindowStart(Instant at) {
        return at.minus(java.time.Duration.ofDays(SHORT_WINDOW_DAYS));
    }

    static Instant longWindowStart(Instant at) {
        return at.atOffset(ZoneOffset.UTC).minusMonths(LONG_WINDOW_MONTHS).toInstant();
    }

    private static MapSqlParameterSource parameters(Instant at) {
        return new MapSqlParameterSource()
                .addValue("at", utc(at))
                .addValue("fromShort", utc(shortWindowStart(at)))
                .addValue("fromLong", utc(longWindowStart(at)));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static RowMapper<CooperationRecord> mapper(Instant at) {
        Instant fromShort = shortWindowStart(at);
        Instant fromLong = longWindowStart(at);
        return (rs, row) -> new CooperationRecord(rs.getObject("provider_id", UUID.class), rs.getString("legal_name"),
                rs.getString("country"), rs.getString("role"), rs.getString("cooperation_status"),
                instant(rs, "cooperation_status_since"), instant(rs, "cooperation_assessed_at"),
                instant(rs, "listed_non_cooperative_at"), window(rs, 10, fromShort, at), window(rs, 18, fromLong, at));
    }

    /** The eight counts starting at result column {@code first} (null when the provider has no hop at all). */
    private static CooperationRecord.Window window(ResultSet rs, int first, Instant from, Instant to) throws SQLException {
        long[] n = new long[8];
        for (int i = 0; i < n.length; i++) {
            n[i] = rs.getLong(first + i);
        }
        return CooperationRecord.Window.of(from, to, n[0], n[1], n[2], n[3], n[4], n[5], n[6], n[7]);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
