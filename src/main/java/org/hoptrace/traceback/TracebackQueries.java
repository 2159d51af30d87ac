package org.hoptrace.traceback;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** The tracebacks list read model: filtered, paged, newest first, with each traceback's current hop. */
@Repository
public class TracebackQueries {

    /** The largest page the list serves. */
    public static final int MAX_PAGE_SIZE = 100;

    private static final String OVERDUE = """
            (t.status = 'open' and exists (select 1 from hop o where o.traceback_id = t.traceback_id
                                            and o.status = 'requested' and o.deadline < ?))""";

    private final JdbcTemplate jdbc;
    private final Clock clock;

    TracebackQueries(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Page {@code page} (zero-based) of {@code size} rows (1 to {@value #MAX_PAGE_SIZE}). */
    public TracebackPage page(TracebackFilter filter, int page, int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("page must be >= 0 and size 1 to " + MAX_PAGE_SIZE);
        }
        Timestamp now = Timestamp.from(clock.instant());
        List<Object> args = new ArrayList<>();
        String where = where(filter, now, args);
        long total = count(filter, now);

        List<Object> rowArgs = new ArrayList<>();
        rowArgs.add(now);
        rowArgs.addAll(args);
        rowArgs.add(size);
        rowArgs.add((long) page * size);
        List<TracebackRow> rows = jdbc.query("""
                select t.traceback_id, t.reference, t.calling_number, t.called_number, t.call_time, t.campaign,
                       t.priority, t.status, t.outcome, t.created_at,
                       (select count(*) from hop c where c.traceback_id = t.traceback_id) as hop_count,
                       cur.hop_number, cur.status as hop_status, cur.deadline, p.provider_id, p.legal_name, p.country,
                       """ + OVERDUE + """
                        as overdue
                from traceback t
                left join lateral (select h.hop_number, h.status, h.deadline, h.provider_id from hop h
                                   where h.traceback_id = t.traceback_id order by h.hop_number desc limit 1) cur on true
                left join provider p on p.provider_id = cur.provider_id""" + where + """

                order by t.created_at desc, t.reference desc
                limit ? offset ?""", ROW, rowArgs.toArray());
        return TracebackPage.of(rows, page, size, total);
    }

    /** How many tracebacks match the filter. */
    public long count(TracebackFilter filter) {
        return count(filter, Timestamp.from(clock.instant()));
    }

    private long count(TracebackFilter filter, Timestamp now) {
        List<Object> args = new ArrayList<>();
        String where = where(filter, now, args);
        Long total = jdbc.queryForObject("select count(*) from traceback t" + where, Long.class, args.toArray());
        return total == null ? 0 : total;
    }

    /** Campaigns named in tracebacks, for the console's filter suggestions. */
    public List<String> campaigns(int limit) {
        return jdbc.queryForList("select distinct campaign from traceback where campaign is not null "
                + "order by campaign limit ?", String.class, limit);
    }

    private static String where(TracebackFilter filter, Timestamp now, List<Object> args) {
        List<String> conditions = new ArrayList<>();
        if (filter.status() != null) {
            conditions.add("t.status = ?");
            args.add(filter.status().code());
        }
        if (filter.outcome() != null) {
            conditions.add("t.outcome = ?");
            args.add(filter.outcome().code());
        }
        if (filter.campaign() != null && !filter.campaign().isBlank()) {
            conditions.add("lower(t.campaign) = lower(?)");
            args.add(filter.campaign().strip());
        }
        if (filter.providerId() != null) {
            conditions.add("""
                    (t.terminating_provider_id = ? or exists (select 1 from hop ph where ph.traceback_id = t.traceback_id
                                                                and ph.provider_id = ?))""");
            args.add(filter.providerId());
            args.add(filter.providerId());
        }
        if (filter.providerName() != null && !filter.providerName().isBlank()) {
            conditions.add("""
                    exists (select 1 from provider pn where lower(pn.legal_name) like ? escape '\\'
                            and (pn.provider_id = t.terminating_provider_id or exists (select 1 from hop pnh
                                 where pnh.traceback_id = t.traceback_id and pnh.provider_id = pn.provider_id)))""");
            args.add(contains(filter.providerName()));
        }
        if (filter.overdue()) {
            conditions.add(OVERDUE);
            args.add(now);
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            String digits = filter.text().replaceAll("[^0-9]", "");
            if (digits.length() >= 3) {
                conditions.add("(lower(t.reference) like ? escape '\\' or t.calling_number like ? or t.called_number like ?)");
                args.add(contains(filter.text()));
                args.add("%" + digits + "%");
                args.add("%" + digits + "%");
            } else {
                conditions.add("lower(t.reference) like ? escape '\\'");
                args.add(contains(filter.text()));
            }
        }
        return conditions.isEmpty() ? "" : "\nwhere " + String.join("\n  and ", conditions);
    }

    private static String contains(String text) {
        return "%" + text.strip().toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private static final RowMapper<TracebackRow> ROW = (rs, row) -> {
        UUID providerId = rs.getObject("provider_id", UUID.class);
        Timestamp deadline = rs.getTimestamp("deadline");
        int hopNumber = rs.getInt("hop_number");
        boolean hasHop = !rs.wasNull();
        return new TracebackRow(rs.getObject("traceback_id", UUID.class), rs.getString("reference"),
                rs.getString("calling_number"), rs.getString("called_number"), rs.getTimestamp("call_time").toInstant(),
                rs.getString("campaign"), rs.getString("priority"), rs.getString("status"), rs.getString("outcome"),
                rs.getInt("hop_count"), hasHop ? hopNumber : null, rs.getString("hop_status"),
                providerId == null ? null : new ProviderRef(providerId, rs.getString("legal_name"), rs.getString("country")),
                deadline == null ? null : deadline.toInstant(), rs.getBoolean("overdue"),
                rs.getTimestamp("created_at").toInstant());
    };
}
