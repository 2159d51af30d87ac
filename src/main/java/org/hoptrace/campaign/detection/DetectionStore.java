package org.hoptrace.campaign.detection;

import java.sql.Array;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

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

    void insertCampaign(UUID id, int year, String name, String category, String representative, Instant at) {
        jdbc.update("""
                insert into campaign (campaign_id, reference, name, category, representative_transcript, first_seen,
                                      last_seen, created_at, updated_at)
                values (?, 'CMP-' || ? || '-' || lpad(nextval('campaign_reference_seq')::text, 6, '0'), ?, ?, ?,
                        'infinity', '-infinity', ?, ?)""",
                id, String.valueOf(year), name, category, representative, Timestamp.from(at), Timestamp.from(at));
    }

    void insertSignature(UUID id, int exemplar, int shingles, int[] signature, int offset, int k) {
        Integer[] values = new Integer[k];
        for (int i = 0; i < k; i++) {
            values[i] = signature[offset + i];
        }
        jdbc.update(con -> {
            var insert = con.prepareStatement(
                    "insert into campaign_signature (campaign_id, exemplar, shingles, signature) values (?, ?, ?, ?)");
            insert.setObject(1, id);
            insert.setInt(2, exemplar);
            insert.setInt(3, shingles);
            insert.setArray(4, con.createArrayOf("integer", values));
            return insert;
        });
    }

    /** Marks calls that found no campaign as looked at (so the next run reads only new calls). */
    void markChecked(List<Long> callIds, Instant at) {
        if (!callIds.isEmpty()) {
            jdbc.update(con -> {
                var update = con.prepareStatement("update call_record set detection_checked_at = ?"
                        + " where call_id = any(?) and campaign_id is null and detection_checked_at is null");
                update.setTimestamp(1, Timestamp.from(at));
                update.setArray(2, con.createArrayOf("bigint", callIds.toArray()));
                return update;
            });
        }
    }

    /**
     * Assigns calls to campaigns and adds them to the campaigns' statistics: calls, first and last seen,
     * attestation, called states, volume per hour, numbers and patterns (distinct calling numbers, top
     * callback numbers). Returns the campaigns changed.
     */
    Set<UUID> assign(Assignments assignments, Instant at) {
        if (assignments.isEmpty()) {
            return Set.of();
        }
        jdbc.execute("""
                create temporary table detection_assignment (call_id bigint primary key, campaign_id uuid not null,
                                                             state varchar(2)) on commit drop""");
        jdbc.execute("""
                create temporary table detection_key (campaign_id uuid not null, kind varchar(10) not null,
                                                      key bigint not null) on commit drop""");
        jdbc.update(con -> {
            var insert = con.prepareStatement("insert into detection_assignment select * from unnest(?, ?, ?)");
            insert.setArray(1, con.createArrayOf("bigint", assignments.callIds.toArray()));
            insert.setArray(2, con.createArrayOf("uuid", assignments.campaignIds.toArray()));
            insert.setArray(3, con.createArrayOf("varchar", assignments.states.toArray()));
            return insert;
        });
        jdbc.update(con -> {
            var insert = con.prepareStatement("insert into detection_key select * from unnest(?, ?, ?)");
            insert.setArray(1, con.createArrayOf("uuid", assignments.keyCampaigns.toArray()));
            insert.setArray(2, con.createArrayOf("varchar", assignments.keyKinds.toArray()));
            insert.setArray(3, con.createArrayOf("bigint", assignments.keyValues.toArray()));
            return insert;
        });
        jdbc.execute("analyze detection_assignment");
        jdbc.update("""
                update call_record c set campaign_id = a.campaign_id
                from detection_assignment a where c.call_id = a.call_id and c.campaign_id is null""");
        Timestamp now = Timestamp.from(at);
        jdbc.update("""
                update campaign cp
                set call_count = cp.call_count + d.calls, first_seen = least(cp.first_seen, d.first_seen),
                    last_seen = greatest(cp.last_seen, d.last_seen), attestation_a = cp.attestation_a + d.a,
                    attestation_b = cp.attestation_b + d.b, attestation_c = cp.attestation_c + d.c,
                    attestation_none = cp.attestation_none + d.none, updated_at = ?
                from (select a.campaign_id, count(*) as calls, min(c.call_time) as first_seen,
                             max(c.call_time) as last_seen, count(*) filter (where c.attestation = 'A') as a,
                             count(*) filter (where c.attestation = 'B') as b,
                             count(*) filter (where c.attestation = 'C') as c,
                             count(*) filter (where c.attestation is null) as none
                      from detection_assignment a join call_record c on c.call_id = a.call_id
                      group by a.campaign_id) d
                where cp.campaign_id = d.campaign_id""", now);
        jdbc.update("""
                insert into campaign_volume (campaign_id, hour, calls)
                select a.campaign_id, date_trunc('hour', c.call_time at time zone 'UTC') at time zone 'UTC', count(*)
                from detection_assignment a join call_record c on c.call_id = a.call_id
                group by 1, 2
                on conflict (campaign_id, hour) do update set calls = campaign_volume.calls + excluded.calls""");
        jdbc.update("""
                update campaign cp
                set called_states = (select coalesce(jsonb_object_agg(k, v), '{}'::jsonb)
                                     from (select k, sum(v)::bigint as v
                                           from (select key as k, value::bigint as v from jsonb_each_text(cp.called_states)
                                                 union all
                                                 select state, count(*) from detection_assignment a
                                                 where a.campaign_id = cp.campaign_id and a.state is not null
                                                 group by state) counts
                                           group by k) merged)
                where cp.campaign_id in (select campaign_id from detection_assignment where state is not null)""");
        jdbc.update("""
                with upserted as (
                    insert into campaign_key (campaign_id, kind, key, calls)
                    select campaign_id, kind, key, count(*) from detection_key group by 1, 2, 3
                    on conflict (campaign_id, kind, key) do update set calls = campaign_key.calls + excluded.calls
                    returning campaign_id, kind, (xmax = 0) as inserted)
                update campaign cp set distinct_calling_numbers = cp.distinct_calling_numbers + u.added
                from (select campaign_id, count(*) as added from upserted where kind = 'calling' and inserted
                      group by campaign_id) u
                where cp.campaign_id = u.campaign_id""");
        jdbc.update("""
                update campaign cp
                set callback_numbers = array(select '+' || k.key from campaign_key k
                                             where k.campaign_id = cp.campaign_id and k.kind = 'callback'
                                             order by k.calls desc, k.key limit 5)
                where cp.campaign_id in (select campaign_id from detection_key where kind = 'callback')""");
        return new LinkedHashSet<>(assignments.campaignIds);
    }

    /** Calls to assign in one chunk, column by column, and the numbers and patterns they bring. */
    static final class Assignments {
        final List<Long> callIds = new ArrayList<>();
        final List<UUID> campaignIds = new ArrayList<>();
        final List<String> states = new ArrayList<>();
        final List<UUID> keyCampaigns = new ArrayList<>();
        final List<String> keyKinds = new ArrayList<>();
        final List<Long> keyValues = new ArrayList<>();

        void call(long callId, UUID campaign, String state) {
            callIds.add(callId);
            campaignIds.add(campaign);
            states.add(state);
        }

        void key(UUID campaign, KeyKind kind, long value) {
            keyCampaigns.add(campaign);
            keyKinds.add(kind.code());
            keyValues.add(value & ((1L << 56) - 1));
        }

        boolean isEmpty() {
            return callIds.isEmpty();
        }
    }
}
