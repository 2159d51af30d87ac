package org.hoptrace.legal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit trail of a legal request for the agency's chain of custody (docs/legal-intake.md): every
 * entry with its previous hash and hash, as JSON or CSV. Exporting is itself recorded, so an export
 * contains the entry of its own export. {@link #verify(String, byte[])} checks an exported file on its
 * own, without the database: it recomputes every hash and names the first entry that does not match.
 */
@Component
public class AuditExport {

    static final String EXPORTED = "audit-exported";
    static final String CSV_HEADER = "legal_request_id,reference,seq,happened_at,actor,actor_kind,action,detail,previous_hash,hash";
    static final String HASH_ALGORITHM = "SHA-256 over previous_hash, legal_request_id, seq, happened_at (ISO-8601 UTC), "
            + "len(actor):actor, actor_kind, len(action):action, len(detail):detail joined by U+001F (UTF-8, hex); "
            + "the first entry's previous_hash is 64 zeros";

    /** One entry as exported: the stored fields, times in ISO-8601 UTC. */
    public record Entry(int seq, String happenedAt, String actor, String actorKind, String action, String detail,
                        String previousHash, String hash) {

        static Entry of(AuditEntry e) {
            return new Entry(e.seq(), e.happenedAt().toString(), e.actor(), e.actorKind().code(), e.action(), e.detail(),
                    e.previousHash(), e.hash());
        }

        AuditEntry toAuditEntry(UUID legalRequestId) {
            return new AuditEntry(legalRequestId, seq, Instant.parse(happenedAt), actor, AuditEntry.ActorKind.of(actorKind),
                    action, detail, previousHash, hash);
        }
    }

    /** The JSON export: the request, when and by whom it was exported, how the hashes are made, the entries. */
    public record Export(UUID legalRequestId, String reference, String exportedAt, String exportedBy,
                         String hashAlgorithm, LegalAuditTrail.Verification verification, List<Entry> entries) {
    }

    private final LegalAuditTrail trail;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    AuditExport(LegalAuditTrail trail, JdbcTemplate jdbc, Clock clock) {
        this.trail = trail;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Records the export by {@code actor} and returns the whole trail, the export's own entry last. */
    @Transactional
    public Export json(UUID legalRequestId, String actor, AuditEntry.ActorKind kind) {
        trail.record(legalRequestId, actor, kind, EXPORTED, "audit trail exported as JSON");
        List<AuditEntry> entries = trail.entries(legalRequestId);
        return new Export(legalRequestId, reference(legalRequestId), clock.instant().toString(), actor, HASH_ALGORITHM,
                LegalAuditTrail.verify(entries), entries.stream().map(Entry::of).toList());
    }

    /** Records the export by {@code actor} and returns the whole trail as CSV (RFC 4180, UTF-8), one entry per row. */
    @Transactional
    public byte[] csv(UUID legalRequestId, String actor, AuditEntry.ActorKind kind) {
        trail.record(legalRequestId, actor, kind, EXPORTED, "audit trail exported as CSV");
        String reference = reference(legalRequestId);
        StringBuilder csv = new StringBuilder(CSV_HEADER).append("\r\n");
        for (AuditEntry e : trail.entries(legalRequestId)) {
            List<String> fields = List.of(legalRequestId.toString(), reference, Integer.toString(e.seq()),
                    e.happenedAt().toString(), e.actor(), e.actorKind().code(), e.action(), e.detail(), e.previousHash(),
                    e.hash());
            csv.append(String.join(",", fields.stream().map(AuditExport::quoted).toList())).append("\r\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The request's reference (LR-2026-000042), for file names; null if there is no such request. */
    public String reference(UUID legalRequestId) {
        return jdbc.queryForList("select reference from legal_request where legal_request_id = ?", String.class,
                legalRequestId).stream().findFirst().orElse(null);
    }

    /**
     * Checks an exported file (JSON or CSV, told apart by its content) on its own: every hash recomputed,
     * every entry following the one before it, all of one request.
     *
     * @throws IllegalArgumentException if the file is not an audit trail export, saying why
     */
    public static AuditVerification verify(String filename, byte[] content) {
        String text = new String(content, StandardCharsets.UTF_8).strip();
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<AuditEntry> entries = text.startsWith("{") ? fromJson(filename, text) : fromCsv(filename, text);
        return AuditVerification.of(LegalAuditTrail.verify(entries), entries);
    }

    /** Checks the stored trail of a request. */
    public AuditVerification verify(UUID legalRequestId) {
        List<AuditEntry> entries = trail.entries(legalRequestId);
        return AuditVerification.of(LegalAuditTrail.verify(entries), entries);
    }

    private static List<AuditEntry> fromJson(String filename, String text) {
        Export export;
        try {
            export = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                    .readValue(text, Export.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(filename + " is not a readable audit trail export (JSON): "
                    + e.getOriginalMessage(), e);
        }
        if (export.legalRequestId() == null || export.entries() == null) {
            throw new IllegalArgumentException(filename + " is not an audit trail export: legalRequestId and entries are missing");
        }
        List<AuditEntry> entries = new ArrayList<>();
        for (Entry entry : export.entries()) {
            try {
                entries.add(entry.toAuditEntry(export.legalRequestId()));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(filename + " entry " + entry.seq() + " is not an audit entry: "
                        + e.getMessage(), e);
            }
        }
        return entries;
    }

    private static List<AuditEntry> fromCsv(String filename, String text) {
        List<List<String>> rows = AuditCsv.parse(text);
        if (rows.isEmpty() || !String.join(",", rows.get(0)).equals(CSV_HEADER)) {
            throw new IllegalArgumentException(filename + " is not an audit trail export: the first line must be " + CSV_HEADER);
        }
        List<AuditEntry> entries = new ArrayList<>();
        UUID request = null;
        for (int i = 1; i < rows.size(); i++) {
            List<String> row = rows.get(i);
            try {
                if (row.size() != 10) {
                    throw new IllegalArgumentException("it has " + row.size() + " fields instead of 10");
                }
                UUID rowRequest = UUID.fromString(row.get(0));
                if (request != null && !request.equals(rowRequest)) {
                    throw new IllegalArgumentException("it belongs to another legal request");
                }
                request = rowRequest;
                entries.add(new Entry(Integer.parseInt(row.get(2)), row.get(3), row.get(4), row.get(5), row.get(6),
                        row.get(7), row.get(8), row.get(9)).toAuditEntry(rowRequest));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(filename + " line " + (i + 1) + " is not an audit entry: " + e.getMessage(), e);
            }
        }
        return entries;
    }

    private static String quoted(String field) {
        return "\"" + field.replace("\"", "\"\"") + "\"";
    }
}
