package org.hoptrace.legal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The append-only audit trail of legal requests. Each entry's hash is the SHA-256 of the previous
 * entry's hash and the entry's own fields, so changing, removing or reordering an entry breaks every
 * hash after it; {@link #verify} recomputes the chain. Entries are written in the caller's transaction:
 * an action that is rolled back leaves no entry behind. Appends to one request are serialised by
 * locking the request's row.
 */
@Component
public class LegalAuditTrail {

    static final String GENESIS = "0".repeat(64);

    private final JdbcTemplate jdbc;
    private final Clock clock;

    LegalAuditTrail(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records that {@code actor} did {@code action} on the request; {@code detail} says what exactly. */
    @Transactional
    public AuditEntry record(UUID legalRequestId, String actor, AuditEntry.ActorKind actorKind, String action,
                             String detail) {
        if (jdbc.queryForList("select 1 from legal_request where legal_request_id = ? for update", legalRequestId).isEmpty()) {
            throw new IllegalArgumentException("no legal request " + legalRequestId);
        }
        Optional<AuditEntry> last = jdbc.query(SELECT + " where legal_request_id = ? order by seq desc limit 1", ENTRY,
                legalRequestId).stream().findFirst();
        int seq = last.map(e -> e.seq() + 1).orElse(1);
        String previous = last.map(AuditEntry::hash).orElse(GENESIS);
        // microseconds: what PostgreSQL keeps, so the hash recomputed from the stored row is the same
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String safeDetail = detail == null ? "" : detail;
        String hash = hash(previous, legalRequestId, seq, now, actor, actorKind, action, safeDetail);
        jdbc.update("""
                insert into legal_audit_entry (legal_request_id, seq, happened_at, actor, actor_kind, action, detail,
                                               previous_hash, hash)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", legalRequestId, seq, Timestamp.from(now), actor,
                actorKind.code(), action, safeDetail, previous, hash);
        return new AuditEntry(legalRequestId, seq, now, actor, actorKind, action, safeDetail, previous, hash);
    }

    /** The request's entries, oldest first. */
    public List<AuditEntry> entries(UUID legalRequestId) {
        return jdbc.query(SELECT + " where legal_request_id = ? order by seq", ENTRY, legalRequestId);
    }

    /** Recomputes the chain; the first entry that does not match, if any. */
    public Verification verify(UUID legalRequestId) {
        return verify(entries(legalRequestId));
    }

    /** Recomputes the chain of the given entries (as stored, or as read back from an export). */
    public static Verification verify(List<AuditEntry> entries) {
        String previous = GENESIS;
        int expectedSeq = 1;
        for (AuditEntry e : entries) {
            if (e.seq() != expectedSeq) {
                return Verification.broken(entries.size(), e.seq(), "entry " + expectedSeq + " is missing");
            }
            if (!e.previousHash().equals(previous)) {
                return Verification.broken(entries.size(), e.seq(), "does not follow the entry before it");
            }
            String expected = hash(previous, e.legalRequestId(), e.seq(), e.happenedAt(), e.actor(), e.actorKind(),
                    e.action(), e.detail());
            if (!expected.equals(e.hash())) {
                return Verification.broken(entries.size(), e.seq(), "its content does not match its hash");
            }
            previous = e.hash();
            expectedSeq++;
        }
        return new Verification(true, entries.size(), null, null);
    }

    static String hash(String previous, UUID requestId, int seq, Instant at, String actor,
                       AuditEntry.ActorKind kind, String action, String detail) {
        // fields separated by a unit separator, which none of them may contain unnoticed: lengths are included
        String canonical = String.join("\u001f", previous, requestId.toString(), Integer.toString(seq), at.toString(),
                actor.length() + ":" + actor, kind.code(), action.length() + ":" + action, detail.length() + ":" + detail);
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The outcome of a verification: intact, or the first entry whose hash does not match and why. */
    public record Verification(boolean intact, int entries, Integer firstBrokenSeq, String problem) {

        static Verification broken(int entries, int seq, String problem) {
            return new Verification(false, entries, seq, problem);
        }
    }

    private static final String SELECT = """
            select legal_request_id, seq, happened_at, actor, actor_kind, action, detail, previous_hash, hash
            from legal_audit_entry""";

    private static final RowMapper<AuditEntry> ENTRY = (rs, row) -> new AuditEntry(
            rs.getObject("legal_request_id", UUID.class), rs.getInt("seq"), rs.getTimestamp("happened_at").toInstant(),
            rs.getString("actor"), AuditEntry.ActorKind.of(rs.getString("actor_kind")), rs.getString("action"),
            rs.getString("detail"), rs.getString("previous_hash"), rs.getString("hash"));
}
