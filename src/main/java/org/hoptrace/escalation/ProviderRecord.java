package org.hoptrace.escalation;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What notices and the routing decision need to know about a provider's traceback history over the
 * last 12 months: the key facts of its record, the states of the called parties, foreign origin.
 */
@Component
class ProviderRecord {

    static final Duration WINDOW = Duration.ofDays(365);

    /** The key facts of a provider's last 12 months, for notices. */
    record Facts(long tracebacks, long hopsRequested, long answeredOnTime, long answeredLate, long unanswered,
                 long notFound, long origin, long foreignPointOfEntry) {

        String summary() {
            return """
                    Tracebacks it appeared in:        %d
                    Hops requested:                   %d
                    Answered on time:                 %d
                    Answered late:                    %d
                    Not answered after the deadline:  %d
                    "Call not found" answers:         %d
                    Tracebacks it originated:         %d
                    Foreign calls it let in (gateway): %d""".formatted(tracebacks, hopsRequested, answeredOnTime,
                    answeredLate, unanswered, notFound, origin, foreignPointOfEntry);
        }
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final AreaCodes areaCodes = AreaCodes.load();

    ProviderRecord(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    private Timestamp since() {
        return Timestamp.from(clock.instant().minus(WINDOW));
    }

    Facts facts(UUID providerId) {
        Map<String, Object> row = jdbc.queryForMap("""
                select count(distinct h.traceback_id) as tracebacks,
                       count(*) as requested,
                       count(*) filter (where a.hop_id is not null and not a.late) as on_time,
                       count(*) filter (where a.late) as late,
                       count(*) filter (where h.status = 'non-responsive' and a.hop_id is null) as unanswered,
                       count(*) filter (where a.answer_type = 'not-found') as not_found,
                       count(*) filter (where a.answer_type = 'origin') as origin,
                       count(*) filter (where t.outcome = 'foreign-point-of-entry' and h.hop_number =
                           (select max(last.hop_number) from hop last where last.traceback_id = h.traceback_id)) as gateway
                from hop h join traceback t on t.traceback_id = h.traceback_id
                left join hop_answer a on a.hop_id = h.hop_id
                where h.provider_id = ? and h.requested_at >= ?""", providerId, since());
        return new Facts(count(row, "tracebacks"), count(row, "requested"), count(row, "on_time"), count(row, "late"),
                count(row, "unanswered"), count(row, "not_found"), count(row, "origin"), count(row, "gateway"));
    }

    /** The US states of the called numbers of the tracebacks the provider appeared in, sorted. */
    List<String> calledStates(UUID providerId) {
        List<String> numbers = jdbc.queryForList("""
                select distinct t.called_number from traceback t
                where exists (select 1 from hop h where h.traceback_id = t.traceback_id and h.provider_id = ?
                              and h.requested_at >= ?)""", String.class, providerId, since());
        return List.copyOf(numbers.stream().map(areaCodes::stateOf).flatMap(java.util.Optional::stream)
                .collect(java.util.stream.Collectors.toCollection(TreeSet::new)));
    }

    /** A foreign provider, or a US gateway that let in calls from a foreign provider within the window. */
    boolean foreignOrigin(UUID providerId, boolean providerForeign) {
        return providerForeign || facts(providerId).foreignPointOfEntry() > 0;
    }

    Instant windowStart() {
        return clock.instant().minus(WINDOW);
    }

    private static long count(Map<String, Object> row, String column) {
        return ((Number) Objects.requireNonNull(row.get(column), column)).longValue();
    }
}
