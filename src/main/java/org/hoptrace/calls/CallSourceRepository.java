package org.hoptrace.calls;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** The data source registry in PostgreSQL ({@code call_source}). */
@Repository
public class CallSourceRepository {

    private static final String COLUMNS = """
            source_id, name, kind, contact_email, api_key_prefix, active, accepted_calls, rejected_rows,
            last_seen_at, created_at, terminating_provider_id""";

    /** The stored hash of a key, and whose key it is. */
    public record StoredKey(UUID sourceId, String name, String hash, boolean active) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    CallSourceRepository(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Optional<CallSource> find(UUID id) {
        return jdbc.query("select " + COLUMNS + " from call_source where source_id = ?", ROW, id).stream().findFirst();
    }

    public CallSource get(UUID id) {
        return find(id).orElseThrow(() -> new UnknownSourceException(id));
    }

    /** Every source, by name. */
    public List<CallSource> all() {
        return jdbc.query("select " + COLUMNS + " from call_source order by lower(name)", ROW);
    }

    public boolean nameTaken(String name) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from call_source where lower(name) = lower(?))", Boolean.class, name));
    }

    /** The key with this prefix, if one was issued. */
    public Optional<StoredKey> keyByPrefix(String prefix) {
        return jdbc.query("select source_id, name, api_key_hash, active from call_source where api_key_prefix = ?",
                (rs, row) -> new StoredKey(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getBoolean(4)),
                prefix).stream().findFirst();
    }

    CallSource insert(SourceDraft draft) {
        UUID id = UUID.randomUUID();
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.update("""
                insert into call_source (source_id, name, kind, contact_email, terminating_provider_id, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?)""", id, draft.name(), draft.kind(), draft.contactEmail(),
                draft.terminatingProviderId(), now, now);
        return get(id);
    }

    void setTerminatingProvider(UUID sourceId, UUID providerId) {
        if (jdbc.update("update call_source set terminating_provider_id = ?, updated_at = ? where source_id = ?",
                providerId, Timestamp.from(clock.instant()), sourceId) == 0) {
            throw new UnknownSourceException(sourceId);
        }
    }

    void setKey(UUID sourceId, String prefix, String bcryptHash) {
        if (jdbc.update("update call_source set api_key_prefix = ?, api_key_hash = ?, updated_at = ? where source_id = ?",
                prefix, bcryptHash, Timestamp.from(clock.instant()), sourceId) == 0) {
            throw new UnknownSourceException(sourceId);
        }
    }

    /** Adds a batch to the source's counters (in the batch's transaction). */
    void countBatch(UUID sourceId, long accepted, long rejected, Instant at) {
        jdbc.update("""
                update call_source set accepted_calls = accepted_calls + ?, rejected_rows = rejected_rows + ?,
                       last_seen_at = greatest(last_seen_at, ?), updated_at = ?
                where source_id = ?""", accepted, rejected, Timestamp.from(at), Timestamp.from(at), sourceId);
    }

    private static final RowMapper<CallSource> ROW = (ResultSet rs, int row) -> new CallSource(
            rs.getObject("source_id", UUID.class), rs.getString("name"), CallSource.Kind.ofCode(rs.getString("kind")),
            rs.getString("contact_email"), rs.getString("api_key_prefix"), rs.getBoolean("active"),
            rs.getLong("accepted_calls"), rs.getLong("rejected_rows"), instant(rs.getTimestamp("last_seen_at")),
            instant(rs.getTimestamp("created_at")), rs.getObject("terminating_provider_id", UUID.class));

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
