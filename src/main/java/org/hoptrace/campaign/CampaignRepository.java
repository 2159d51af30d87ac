package org.hoptrace.campaign;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** Campaigns as detection writes them, read with their recent volume; the few fields staff change. */
@Repository
class CampaignRepository {

    /** Calls in the 24 hours up to now and the 24 hours before, from the hourly volume. */
    private static final String SELECT = """
            select c.*, coalesce(v.last24, 0) as calls_24h, coalesce(v.prev24, 0) as calls_prev_24h,
                   round(coalesce(v.last24, 0)::numeric / greatest(coalesce(v.prev24, 0), 1), 2) as growth
            from campaign c left join lateral (
                select sum(calls) filter (where hour > ?::timestamptz - interval '24 hours') as last24,
                       sum(calls) filter (where hour <= ?::timestamptz - interval '24 hours') as prev24
                from campaign_volume
                where campaign_id = c.campaign_id and hour > ?::timestamptz - interval '48 hours' and hour <= ?::timestamptz
            ) v on true
            """;

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final ObjectMapper json;
    private final RowMapper<Campaign> row = this::map;

    CampaignRepository(JdbcTemplate jdbc, Clock clock, ObjectMapper json) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.json = json;
    }

    Optional<Campaign> find(UUID id) {
        Timestamp now = Timestamp.from(clock.instant());
        return jdbc.query(SELECT + " where c.campaign_id = ?", row, now, now, now, now, id).stream().findFirst();
    }

    Campaign get(UUID id) {
        return find(id).orElseThrow(() -> new UnknownCampaignException(id));
    }

    CampaignPage page(CampaignFilter filter) {
        List<String> conditions = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        if (filter.status() != null) {
            conditions.add("c.status = ?");
            args.add(filter.status().code());
        }
        if (filter.category() != null) {
            conditions.add("c.category = ?");
            args.add(filter.category());
        }
        String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        Long total = jdbc.queryForObject("select count(*) from campaign c" + where, Long.class, args.toArray());
        Timestamp now = Timestamp.from(clock.instant());
        List<Object> all = new ArrayList<>(List.of(now, now, now, now));
        all.addAll(args);
        all.addAll(List.of(filter.size(), filter.offset()));
        List<Campaign> items = jdbc.query(SELECT + where + " order by " + filter.orderBy() + " limit ? offset ?", row,
                all.toArray());
        return new CampaignPage(items, filter.page(), filter.size(), total == null ? 0 : total);
    }

    /** The category guesses in use, for the console's filter. */
    List<String> categories() {
        return jdbc.queryForList("select distinct category from campaign where category is not null order by 1", String.class);
    }

    void rename(UUID id, String name) {
        jdbc.update("update campaign set name = ?, updated_at = ? where campaign_id = ?", name, Timestamp.from(clock.instant()), id);
    }

    void setStatus(UUID id, Campaign.Status status) {
        jdbc.update("update campaign set status = ?, updated_at = ? where campaign_id = ?", status.code(),
                Timestamp.from(clock.instant()), id);
    }

    void event(UUID id, String kind, String detail, String actor) {
        jdbc.update("insert into campaign_event (campaign_id, at, kind, detail, actor) values (?, ?, ?, ?, ?)", id,
                Timestamp.from(clock.instant()), kind, detail.length() > 1000 ? detail.substring(0, 1000) : detail, actor);
    }

    record Event(Instant at, String kind, String detail, String actor) {
    }

    List<Event> events(UUID id) {
        return jdbc.query("select at, kind, detail, actor from campaign_event where campaign_id = ? order by at desc, event_id desc limit 100",
                (rs, n) -> new Event(rs.getTimestamp("at").toInstant(), rs.getString("kind"), rs.getString("detail"),
                        rs.getString("actor")), id);
    }

    record Crossing(String threshold, String action, Instant crossedAt, String processInstanceKey) {
    }

    List<Crossing> crossings(UUID id) {
        return jdbc.query("select * from campaign_threshold_crossing where campaign_id = ? order by crossed_at",
                (rs, n) -> new Crossing(rs.getString("threshold"), rs.getString("action"),
                        rs.getTimestamp("crossed_at").toInstant(), rs.getString("process_instance_key")), id);
    }

    record Bucket(Instant start, long calls) {
    }

    /** Calls per hour or per day ({@code unit} hour or day) from {@code from} (inclusive) to {@code to} (exclusive), gaps as 0. */
    List<Bucket> volume(UUID id, String unit, Instant from, Instant to) {
        String step = "day".equals(unit) ? "1 day" : "1 hour";
        return jdbc.query("""
                select s.start, coalesce(sum(v.calls), 0) as calls
                from generate_series(date_trunc(?, ?::timestamptz at time zone 'UTC') at time zone 'UTC',
                                     ?::timestamptz - interval '1 microsecond', ?::interval) as s(start)
                left join campaign_volume v on v.campaign_id = ? and v.hour >= s.start and v.hour < s.start + ?::interval
                group by s.start order by s.start""",
                (rs, n) -> new Bucket(rs.getTimestamp("start").toInstant(), rs.getLong("calls")),
                unit, Timestamp.from(from), Timestamp.from(to), step, id, step);
    }

    record SampleCall(long callId, String callingNumber, String calledNumber, Instant callTime, String attestation,
                      String originationId, String calledState, String callbackNumber, String transcript,
                      UUID tracebackId, String tracebackReference) {
    }

    List<SampleCall> sampleCalls(UUID id, int limit) {
        return jdbc.query("""
                select r.call_id, r.calling_number, r.called_number, r.call_time, r.attestation, r.origination_id,
                       r.called_state, r.callback_number, r.transcript, t.traceback_id, t.reference
                from call_record r
                left join campaign_traceback ct on ct.call_id = r.call_id
                left join traceback t on t.traceback_id = ct.traceback_id
                where r.campaign_id = ? order by r.call_time desc, r.call_id desc limit ?""",
                (rs, n) -> new SampleCall(rs.getLong("call_id"), rs.getString("calling_number"),
                        rs.getString("called_number"), rs.getTimestamp("call_time").toInstant(),
                        rs.getString("attestation"), rs.getString("origination_id"), rs.getString("called_state"),
                        rs.getString("callback_number"), rs.getString("transcript"),
                        rs.getObject("traceback_id", UUID.class), rs.getString("reference")), id, limit);
    }

    private Campaign map(ResultSet rs, int n) throws SQLException {
        BigDecimal growth = rs.getBigDecimal("growth");
        return new Campaign(rs.getObject("campaign_id", UUID.class), rs.getString("reference"), rs.getString("name"),
                rs.getString("category"), Campaign.Status.ofCode(rs.getString("status")),
                rs.getString("representative_transcript"), rs.getTimestamp("first_seen").toInstant(),
                rs.getTimestamp("last_seen").toInstant(), rs.getLong("call_count"), rs.getLong("distinct_calling_numbers"),
                rs.getLong("attestation_a"), rs.getLong("attestation_b"), rs.getLong("attestation_c"),
                rs.getLong("attestation_none"), states(rs.getString("called_states")), strings(rs.getArray("callback_numbers")),
                rs.getLong("calls_24h"), rs.getLong("calls_prev_24h"), growth == null ? BigDecimal.ONE : growth);
    }

    private Map<String, Long> states(String text) {
        try {
            return text == null ? Map.of() : json.readValue(text, new TypeReference<LinkedHashMap<String, Long>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("campaign.called_states is not a JSON object of counts: " + text, e);
        }
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
