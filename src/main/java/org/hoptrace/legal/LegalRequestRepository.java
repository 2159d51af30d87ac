package org.hoptrace.legal;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.hoptrace.document.Document;
import org.hoptrace.document.DocumentStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/**
 * Legal requests, their messages and the documents attached to them, in PostgreSQL. References are
 * {@code LR-<year>-<6 digits>} from one sequence. Agencies read through {@link #findOfAgency}, which answers
 * nothing for another agency's request.
 */
@Repository
public class LegalRequestRepository {

    private static final String COLUMNS = """
            legal_request_id, reference, agency_id, submitted_by, request_type, issuing_authority, case_number,
            return_date, description, scope_numbers, scope_providers, scope_campaigns, scope_tracebacks, scope_from,
            scope_to, approved_scope::text as approved_scope, status, step, outcome, outcome_reason, triage,
            review_due_at, reviewed_by, signed_off_by, process_instance_key, submitted_at, updated_at, released_at,
            closed_at""";

    /** A message between the agency and the reviewers, or a notice of Hoptrace. */
    public record Message(long id, UUID legalRequestId, String kind, String authorKind, String author, String body,
                          Instant createdAt) {
    }

    /** A stored document of a request in its role: request, clarification or response. */
    public record AttachedDocument(Document document, String role, Instant addedAt) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    LegalRequestRepository(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Inserts a new open request at step {@code intake} with the next reference; the caller validated it. */
    public LegalRequest insert(UUID agencyId, UUID submittedBy, LegalRequest.Type type, String issuingAuthority,
                               String caseNumber, LocalDate returnDate, String description, LegalRequest.Scope scope) {
        Instant now = clock.instant();
        long number = jdbc.queryForObject("select nextval('legal_request_reference_seq')", Long.class);
        String reference = String.format(Locale.ROOT, "LR-%d-%06d", now.atZone(ZoneOffset.UTC).getYear(), number);
        UUID id = UUID.randomUUID();
        jdbc.update("""
                insert into legal_request (legal_request_id, reference, agency_id, submitted_by, request_type,
                    issuing_authority, case_number, return_date, description, scope_numbers, scope_providers,
                    scope_campaigns, scope_tracebacks, scope_from, scope_to, status, step, submitted_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::text[], ?::text[], ?::text[], ?::text[], ?, ?, 'open', 'intake', ?, ?)""",
                id, reference, agencyId, submittedBy, type.code(), issuingAuthority, caseNumber, date(returnDate),
                description, array(scope.numbers()), array(scope.providers()), array(scope.campaigns()),
                array(scope.tracebacks()), date(scope.from()), date(scope.to()), Timestamp.from(now), Timestamp.from(now));
        return find(id).orElseThrow();
    }

    public Optional<LegalRequest> find(UUID id) {
        return jdbc.query("select " + COLUMNS + " from legal_request where legal_request_id = ?", ROW, id)
                .stream().findFirst();
    }

    /** The request if it belongs to the agency; empty for another agency's request, as for one that does not exist. */
    public Optional<LegalRequest> findOfAgency(UUID id, UUID agencyId) {
        return jdbc.query("select " + COLUMNS + " from legal_request where legal_request_id = ? and agency_id = ?", ROW,
                id, agencyId).stream().findFirst();
    }

    public Optional<LegalRequest> findByReference(String reference) {
        return jdbc.query("select " + COLUMNS + " from legal_request where reference = ?", ROW, reference)
                .stream().findFirst();
    }

    /** The requests the filter matches, newest first. */
    public List<LegalRequest> list(LegalRequestFilter filter) {
        List<Object> args = new ArrayList<>();
        String where = where(filter, args);
        args.add(filter.size());
        args.add((long) filter.page() * filter.size());
        return jdbc.query("select " + COLUMNS + " from legal_request" + where
                + " order by submitted_at desc, reference desc limit ? offset ?", ROW, args.toArray());
    }

    public long count(LegalRequestFilter filter) {
        List<Object> args = new ArrayList<>();
        Long count = jdbc.queryForObject("select count(*) from legal_request" + where(filter, args), Long.class,
                args.toArray());
        return count == null ? 0 : count;
    }

    private static String where(LegalRequestFilter filter, List<Object> args) {
        List<String> conditions = new ArrayList<>();
        if (filter.status() != null) {
            conditions.add("status = ?");
            args.add(filter.status().code());
        }
        if (filter.step() != null) {
            conditions.add("step = ?");
            args.add(filter.step());
        }
        if (filter.agencyId() != null) {
            conditions.add("agency_id = ?");
            args.add(filter.agencyId());
        }
        if (filter.type() != null) {
            conditions.add("request_type = ?");
            args.add(filter.type().code());
        }
        if (filter.text() != null) {
            conditions.add("(lower(reference) like ? or lower(coalesce(case_number, '')) like ? "
                    + "or lower(issuing_authority) like ?)");
            String like = "%" + filter.text().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%";
            args.addAll(List.of(like, like, like));
        }
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    /** Moves an open request to another step of its process. */
    public void setStep(UUID id, String step) {
        jdbc.update("update legal_request set step = ?, updated_at = ? where legal_request_id = ? and status = 'open'",
                step, Timestamp.from(clock.instant()), id);
    }

    /**
     * Closes an open request with its outcome (released, rejected, withdrawn, abandoned). Returns false if
     * it was closed already (its outcome stays).
     */
    public boolean close(UUID id, String outcome, String reason) {
        Timestamp now = Timestamp.from(clock.instant());
        return jdbc.update("""
                update legal_request set status = 'closed', step = 'closed', outcome = ?, outcome_reason = ?, closed_at = ?,
                       updated_at = ?, released_at = case when ? = 'released' then coalesce(released_at, ?) else released_at end
                where legal_request_id = ? and status = 'open'""", outcome, reason, now, now, outcome, now, id) == 1;
    }

    public Message addMessage(UUID id, String kind, String authorKind, String author, String body) {
        Timestamp now = Timestamp.from(clock.instant());
        Long messageId = jdbc.queryForObject("""
                insert into legal_request_message (legal_request_id, kind, author_kind, author, body, created_at)
                values (?, ?, ?, ?, ?, ?) returning message_id""", Long.class, id, kind, authorKind, author, body, now);
        return new Message(messageId, id, kind, authorKind, author, body, now.toInstant());
    }

    /** The request's messages, oldest first. */
    public List<Message> messages(UUID id) {
        return jdbc.query("""
                select message_id, legal_request_id, kind, author_kind, author, body, created_at from legal_request_message
                where legal_request_id = ? order by created_at, message_id""", (rs, row) -> new Message(
                rs.getLong("message_id"), rs.getObject("legal_request_id", UUID.class), rs.getString("kind"),
                rs.getString("author_kind"), rs.getString("author"), rs.getString("body"),
                rs.getTimestamp("created_at").toInstant()), id);
    }

    /** The request's documents, oldest first. */
    public List<AttachedDocument> documents(UUID id) {
        return jdbc.query(DOCUMENTS + " where d.legal_request_id = ? order by d.added_at, doc.filename", DOCUMENT, id);
    }

    public Optional<AttachedDocument> document(UUID id, UUID documentId) {
        return jdbc.query(DOCUMENTS + " where d.legal_request_id = ? and d.document_id = ?", DOCUMENT, id, documentId)
                .stream().findFirst();
    }

    private static final String DOCUMENTS = """
            select doc.document_id, doc.filename, doc.media_type, doc.size_bytes, doc.sha256, doc.uploaded_by,
                   doc.uploaded_at, d.role, d.added_at
            from legal_request_document d join document doc on doc.document_id = d.document_id""";

    private static final RowMapper<AttachedDocument> DOCUMENT = (rs, row) -> new AttachedDocument(
            DocumentStore.document(rs), rs.getString("role"), rs.getTimestamp("added_at").toInstant());

    static final RowMapper<LegalRequest> ROW = LegalRequestRepository::map;

    private static LegalRequest map(ResultSet rs, int row) throws SQLException {
        return new LegalRequest(rs.getObject("legal_request_id", UUID.class), rs.getString("reference"),
                rs.getObject("agency_id", UUID.class), rs.getObject("submitted_by", UUID.class),
                LegalRequest.Type.ofCode(rs.getString("request_type")), rs.getString("issuing_authority"),
                rs.getString("case_number"), localDate(rs.getDate("return_date")), rs.getString("description"),
                new LegalRequest.Scope(strings(rs.getArray("scope_numbers")), strings(rs.getArray("scope_providers")),
                        strings(rs.getArray("scope_campaigns")), strings(rs.getArray("scope_tracebacks")),
                        localDate(rs.getDate("scope_from")), localDate(rs.getDate("scope_to"))),
                rs.getString("approved_scope"),
                "open".equals(rs.getString("status")) ? LegalRequest.Status.OPEN : LegalRequest.Status.CLOSED,
                rs.getString("step"), rs.getString("outcome"), rs.getString("outcome_reason"), rs.getString("triage"),
                instant(rs.getTimestamp("review_due_at")), rs.getString("reviewed_by"), rs.getString("signed_off_by"),
                rs.getString("process_instance_key"), instant(rs.getTimestamp("submitted_at")),
                instant(rs.getTimestamp("updated_at")), instant(rs.getTimestamp("released_at")),
                instant(rs.getTimestamp("closed_at")));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static String[] array(List<String> values) {
        return values.toArray(String[]::new);
    }

    private static Date date(LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }

    private static LocalDate localDate(Date date) {
        return date == null ? null : date.toLocalDate();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
