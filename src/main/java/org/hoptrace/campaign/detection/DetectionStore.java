package org.hoptrace.campaign.detection;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.postgresql.PGConnection;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Reading calls and campaign anchors for detection, and writing its outcome (one chunk per transaction). */
@Repository
class DetectionStore {

    private static final String CALL_COLUMNS = """
            call_id, transcript, verdict, calling_number, called_number, callback_number, origination_id, called_state""";
    private final JdbcTemplate jdbc;

    DetectionStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every campaign with its exemplar signatures. */
    KnownCampaigns campaigns(int k) {
        KnownCampaigns known = new KnownCampaigns(k);
        jdbc.query("select campaign_id from campaign order by created_at, campaign_id",
                rs -> { known.add(rs.getObject(1, UUID.class)); });
        jdbc.query("select campaign_id, shingles, signature from campaign_signature order by campaign_id, exemplar", rs -> {
            Integer number = known.number(rs.getObject(1, UUID.class));
            Integer[] values = (Integer[]) rs.getArray(3).getArray();
            if (number != null && values.length == k) {
                int[] signature = new int[k];
                for (int i = 0; i < k; i++) {
                    signature[i] = values[i];
                }
                known.anchors.addExemplar(number, rs.getInt(2), signature);
            }
        });
        return known;
    }

    /** Calls that found no campaign yet and still wait (call time after {@code since}), the most recent first cut. */
    void pending(CallColumns into, Instant since, int limit) {
        jdbc.query(con -> {
            var select = con.prepareStatement("select " + CALL_COLUMNS + " from (select * from call_record"
                    + " where campaign_id is null and detection_checked_at is not null and call_time >= ?"
                    + " order by call_time desc limit ?) waiting order by call_id");
            select.setTimestamp(1, Timestamp.from(since));
            select.setInt(2, limit);
            select.setFetchSize(10_000);
            return select;
        }, rs -> { add(into, rs); });
    }

    /** Up to {@code limit} calls detection has not looked at, oldest id first; returns how many. */
    int unchecked(CallColumns into, int limit) {
        int before = into.size();
        jdbc.query(con -> {
            var select = con.prepareStatement("select " + CALL_COLUMNS + " from call_record"
                    + " where campaign_id is null and detection_checked_at is null order by call_id limit ?");
            select.setInt(1, limit);
            select.setFetchSize(10_000);
            return select;
        }, rs -> { add(into, rs); });
        return into.size() - before;
    }

    private static void add(CallColumns into, java.sql.ResultSet rs) throws java.sql.SQLException {
        into.add(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getString(7), rs.getString(8));
    }

    /** Puts the campaigns' callback numbers, calling numbers and patterns that these calls have into the anchors. */
    void keys(KnownCampaigns known, CallColumns calls) {
        known.anchors.clearKeys();
        Set<Long> callbacks = new LinkedHashSet<>();
        Set<Long> callings = new LinkedHashSet<>();
        Set<Long> prefixes = new LinkedHashSet<>();
        Set<Long> neighbours = new LinkedHashSet<>();
        for (int i = 0; i < calls.size; i++) {
            if (calls.callback[i] != 0) {
                callbacks.add(calls.callback[i]);
            }
            if (calls.shingles[i] == 0 && calls.calling[i] != 0) {
                callings.add(calls.calling[i]);
                prefixes.add(KeyKind.prefix(calls.calling[i]));
                neighbours.add(calls.origination[i]);
            }
        }
        lookUp(known, KeyKind.CALLBACK, callbacks);
        lookUp(known, KeyKind.CALLING, callings);
        lookUp(known, KeyKind.PREFIX, prefixes);
        lookUp(known, KeyKind.NEIGHBOUR, neighbours);
    }

    private void lookUp(KnownCampaigns known, KeyKind kind, Set<Long> values) {
        if (values.isEmpty()) {
            return;
        }
        jdbc.query(con -> {
            var select = con.prepareStatement("select key, campaign_id from campaign_key where kind = ?"
                    + " and key = any(?) order by key, calls desc, campaign_id");
            select.setString(1, kind.code());
            select.setArray(2, con.createArrayOf("bigint", values.stream().map(v -> v & ((1L << 56) - 1)).toArray()));
            return select;
        }, rs -> {
            Integer number = known.number(rs.getObject(2, UUID.class));
            if (number != null) {
                known.anchors.addKey(kind, rs.getLong(1), number);
            }
        });
    }

    /** Inserts the campaigns created in a chunk and their exemplar signatures, in two batches (references in order). */
    void insertCampaigns(NewCampaigns campaigns, Instant at) {
        if (campaigns.ids.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(at);
        jdbc.batchUpdate("""
                insert into campaign (campaign_id, reference, name, category, representative_transcript, first_seen,
                                      last_seen, created_at, updated_at)
                values (?, 'CMP-' || ? || '-' || lpad(nextval('campaign_reference_seq')::text, 6, '0'), ?, ?, ?,
                        'infinity', '-infinity', ?, ?)""", new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement insert, int i) throws SQLException {
                insert.setObject(1, campaigns.ids.get(i));
                insert.setString(2, String.valueOf(campaigns.years.get(i)));
                insert.setString(3, campaigns.names.get(i));
                insert.setString(4, campaigns.categories.get(i));
                insert.setString(5, campaigns.representatives.get(i));
                insert.setTimestamp(6, now);
                insert.setTimestamp(7, now);
            }

            @Override
            public int getBatchSize() {
                return campaigns.ids.size();
            }
        });
        jdbc.batchUpdate("insert into campaign_signature (campaign_id, exemplar, shingles, signature) values (?, ?, ?, ?)",
                new BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement insert, int i) throws SQLException {
                        int[] signature = campaigns.signatures.get(i);
                        Integer[] values = new Integer[signature.length];
                        for (int v = 0; v < signature.length; v++) {
                            values[v] = signature[v];
                        }
                        insert.setObject(1, campaigns.signatureCampaigns.get(i));
                        insert.setInt(2, campaigns.exemplars.get(i));
                        insert.setInt(3, campaigns.shingles.get(i));
                        insert.setArray(4, insert.getConnection().createArrayOf("integer", values));
                    }

                    @Override
                    public int getBatchSize() {
                        return campaigns.signatureCampaigns.size();
                    }
                });
    }

    /**
     * Writes a chunk's outcome: assigns calls to campaigns, marks the new calls that found none as looked at,
     * and adds the assigned calls to the campaigns' statistics: calls, first and last seen, attestation, called
     * states, volume per hour, numbers and patterns (distinct calling numbers, top callback numbers). The calls
     * and keys go into temporary tables with COPY; everything else is a handful of set-based statements over
     * them, so the cost is one pass over the chunk whatever the number of campaigns. Returns the campaigns
     * changed.
     */
    Set<UUID> apply(Assignments assignments, Instant at, PhaseTimes times) {
        if (assignments.rows == 0) {
            return Set.of();
        }
        jdbc.execute("""
                create temporary table detection_assignment (call_id bigint not null, campaign_id uuid,
                                                             state varchar(2)) on commit drop;
                create temporary table detection_assigned (campaign_id uuid not null, state varchar(2),
                                                           call_time timestamptz not null, attestation char(1)) on commit drop;
                create temporary table detection_key (campaign_id uuid not null, kind varchar(10) not null,
                                                      key bigint not null) on commit drop""");
        times.lap("temp tables");
        copy("copy detection_assignment (call_id, campaign_id, state) from stdin", assignments.calls);
        copy("copy detection_key (campaign_id, kind, key) from stdin", assignments.keys);
        jdbc.execute("analyze detection_assignment");
        times.lap("copy to temp tables");
        // one pass over call_record: campaign for the assigned calls, detection_checked_at for the new calls that
        // found none; what was assigned comes back with its call time and attestation for the statistics. The
        // calls are looked up by primary key: for a large chunk the planner would rather hash-join a scan of all
        // of call_record, which costs the whole table for every chunk (quadratic over a large backlog).
        jdbc.execute("set local enable_hashjoin = off; set local enable_mergejoin = off");
        jdbc.update("""
                with updated as (
                    update call_record c set campaign_id = a.campaign_id,
                        detection_checked_at = case when a.campaign_id is null then ? else c.detection_checked_at end
                    from detection_assignment a
                    where c.call_id = a.call_id and c.campaign_id is null
                      and (a.campaign_id is not null or c.detection_checked_at is null)
                    returning a.campaign_id, a.state, c.call_time, c.attestation)
                insert into detection_assigned select * from updated where campaign_id is not null""",
                Timestamp.from(at));
        jdbc.execute("set local enable_hashjoin = on; set local enable_mergejoin = on");
        times.lap("update call_record");
        if (assignments.campaigns.isEmpty()) {
            return Set.of();
        }
        jdbc.update("""
                update campaign cp
                set call_count = cp.call_count + d.calls, first_seen = least(cp.first_seen, d.first_seen),
                    last_seen = greatest(cp.last_seen, d.last_seen), attestation_a = cp.attestation_a + d.a,
                    attestation_b = cp.attestation_b + d.b, attestation_c = cp.attestation_c + d.c,
                    attestation_none = cp.attestation_none + d.none, updated_at = ?
                from (select campaign_id, count(*) as calls, min(call_time) as first_seen, max(call_time) as last_seen,
                             count(*) filter (where attestation = 'A') as a,
                             count(*) filter (where attestation = 'B') as b,
                             count(*) filter (where attestation = 'C') as c,
                             count(*) filter (where attestation is null) as none
                      from detection_assigned group by campaign_id) d
                where cp.campaign_id = d.campaign_id""", Timestamp.from(at));
        times.lap("campaign counts");
        jdbc.update("""
                insert into campaign_volume (campaign_id, hour, calls)
                select campaign_id, date_trunc('hour', call_time at time zone 'UTC') at time zone 'UTC', count(*)
                from detection_assigned
                group by 1, 2
                on conflict (campaign_id, hour) do update set calls = campaign_volume.calls + excluded.calls""");
        times.lap("campaign_volume");
        jdbc.update("""
                update campaign cp set called_states = m.states
                from (select campaign_id, jsonb_object_agg(k, v) as states
                      from (select campaign_id, k, sum(v)::bigint as v
                            from (select campaign_id, state as k, count(*) as v from detection_assigned
                                  where state is not null group by 1, 2
                                  union all
                                  select c.campaign_id, e.key, e.value::bigint
                                  from campaign c cross join jsonb_each_text(c.called_states) e
                                  where c.campaign_id in (select campaign_id from detection_assigned where state is not null)
                                 ) counts
                            group by 1, 2) merged
                      group by 1) m
                where cp.campaign_id = m.campaign_id""");
        times.lap("called_states");
        // keys already known get their counts raised, the others are inserted (in key order); each calling
        // number inserted is one more distinct calling number of its campaign
        jdbc.update("""
                with added as (
                         select campaign_id, kind, key, count(*) as calls from detection_key group by 1, 2, 3),
                     raised as (
                         update campaign_key k set calls = k.calls + a.calls from added a
                         where k.campaign_id = a.campaign_id and k.kind = a.kind and k.key = a.key
                         returning k.campaign_id, k.kind, k.key),
                     inserted as (
                         insert into campaign_key (campaign_id, kind, key, calls)
                         select a.campaign_id, a.kind, a.key, a.calls from added a
                         where not exists (select 1 from raised r
                                           where r.campaign_id = a.campaign_id and r.kind = a.kind and r.key = a.key)
                         order by 1, 2, 3
                         returning campaign_id, kind)
                update campaign cp set distinct_calling_numbers = cp.distinct_calling_numbers + i.added
                from (select campaign_id, count(*) as added from inserted where kind = 'calling' group by campaign_id) i
                where cp.campaign_id = i.campaign_id""");
        times.lap("campaign_key");
        jdbc.update("""
                update campaign cp
                set callback_numbers = array(select '+' || k.key from campaign_key k
                                             where k.campaign_id = cp.campaign_id and k.kind = 'callback'
                                             order by k.calls desc, k.key limit 5)
                where cp.campaign_id in (select campaign_id from detection_key where kind = 'callback')""");
        times.lap("callback_numbers");
        return assignments.campaigns;
    }

    private void copy(String sql, StringBuilder rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.execute((ConnectionCallback<Long>) con -> {
            try {
                return con.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, new StringBuilderReader(rows));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Campaigns created in a chunk, in order, with their exemplar signatures. */
    static final class NewCampaigns {
        final List<UUID> ids = new ArrayList<>();
        final List<Integer> years = new ArrayList<>();
        final List<String> names = new ArrayList<>();
        final List<String> categories = new ArrayList<>();
        final List<String> representatives = new ArrayList<>();
        final List<UUID> signatureCampaigns = new ArrayList<>();
        final List<Integer> exemplars = new ArrayList<>();
        final List<Integer> shingles = new ArrayList<>();
        final List<int[]> signatures = new ArrayList<>();

        void campaign(UUID id, int year, String name, String category, String representative) {
            ids.add(id);
            years.add(year);
            names.add(name);
            categories.add(category);
            representatives.add(representative);
        }

        void signature(UUID id, int exemplar, int shingleCount, int[] signature) {
            signatureCampaigns.add(id);
            exemplars.add(exemplar);
            shingles.add(shingleCount);
            signatures.add(signature);
        }
    }

    /**
     * A chunk's outcome as COPY text (tab-separated): the calls assigned to a campaign, the new calls that found
     * none (campaign \N), and the numbers and patterns the assigned calls bring.
     */
    static final class Assignments {
        final StringBuilder calls = new StringBuilder();
        final StringBuilder keys = new StringBuilder();
        final Set<UUID> campaigns = new LinkedHashSet<>();
        int rows;
        int assigned;

        void call(long callId, UUID campaign, String state) {
            calls.append(callId).append('\t').append(campaign).append('\t');
            if (state == null) {
                calls.append("\\N");
            } else {
                escape(calls, state);
            }
            calls.append('\n');
            campaigns.add(campaign);
            rows++;
            assigned++;
        }

        /** A new call that found no campaign: marked as looked at. */
        void unchecked(long callId) {
            calls.append(callId).append("\t\\N\t\\N\n");
            rows++;
        }

        void key(UUID campaign, KeyKind kind, long value) {
            keys.append(campaign).append('\t').append(kind.code()).append('\t').append(value & ((1L << 56) - 1))
                    .append('\n');
        }

        private static void escape(StringBuilder into, String value) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                switch (c) {
                    case '\\' -> into.append("\\\\");
                    case '\t' -> into.append("\\t");
                    case '\n' -> into.append("\\n");
                    case '\r' -> into.append("\\r");
                    default -> into.append(c);
                }
            }
        }
    }

    /** Reads a StringBuilder without copying it into one more String. */
    private static final class StringBuilderReader extends Reader {
        private final StringBuilder text;
        private int position;

        StringBuilderReader(StringBuilder text) {
            this.text = text;
        }

        @Override
        public int read(char[] buffer, int offset, int length) {
            if (position >= text.length()) {
                return -1;
            }
            int n = Math.min(length, text.length() - position);
            text.getChars(position, position + n, buffer, offset);
            position += n;
            return n;
        }

        @Override
        public void close() {
        }
    }
}
