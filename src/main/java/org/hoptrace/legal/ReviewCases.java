package org.hoptrace.legal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;

/** Reads legal requests, their documents and messages for the review process, the console and the staff API. */
@Component
class ReviewCases {

    record DocumentRow(UUID documentId, String role, String filename, String mediaType, long sizeBytes, String sha256,
                       Instant addedAt, String extractedText, Map<String, Object> metadata,
                       Map<String, Object> proposedFields) {
    }

    record MessageRow(long id, String kind, String authorKind, String author, String body, Instant createdAt) {
    }

    /** Filters of the list; null means any. */
    record Filter(String status, String triage, String q, int limit) {
    }

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    ReviewCases(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Optional<ReviewCase> find(UUID id) {
        return jdbc.query(SELECT + " where r.legal_request_id = ?", this::row, id).stream().findFirst();
    }

    ReviewCase get(UUID id) {
        return find(id).orElseThrow(() -> new UnknownReviewCaseException(id.toString()));
    }

    Optional<ReviewCase> findByReference(String reference) {
        return jdbc.query(SELECT + " where r.reference = ?", this::row, reference).stream().findFirst();
    }

    /** Open requests first, the most urgent review first; then closed ones, newest first. */
    List<ReviewCase> list(Filter filter) {
        StringBuilder sql = new StringBuilder(SELECT + " where true");
        List<Object> args = new ArrayList<>();
        if (filter.status() != null) {
            sql.append(" and r.status = ?");
            args.add(filter.status());
        }
        if (filter.triage() != null) {
            sql.append(" and r.triage = ?");
            args.add(filter.triage());
        }
        if (filter.q() != null) {
            sql.append(" and (r.reference ilike ? or r.case_number ilike ? or a.name ilike ?)");
            String like = "%" + filter.q().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            args.addAll(List.of(like, like, like));
        }
        sql.append(" order by r.status desc, r.review_due_at nulls last, r.submitted_at desc limit ?");
        args.add(filter.limit());
        return jdbc.query(sql.toString(), this::row, args.toArray());
    }

    List<DocumentRow> documents(UUID id) {
        return jdbc.query("""
                select d.document_id, ld.role, d.filename, d.media_type, d.size_bytes, d.sha256, ld.added_at,
                       ld.extracted_text, ld.metadata::text as metadata, ld.proposed_fields::text as proposed_fields
                from legal_request_document ld join document d on d.document_id = ld.document_id
                where ld.legal_request_id = ? order by ld.added_at, d.filename""", (rs, n) -> new DocumentRow(
                rs.getObject("document_id", UUID.class), rs.getString("role"), rs.getString("filename"),
                rs.getString("media_type"), rs.getLong("size_bytes"), rs.getString("sha256"),
                rs.getTimestamp("added_at").toInstant(), rs.getString("extracted_text"), map(rs.getString("metadata")),
                map(rs.getString("proposed_fields"))), id);
    }

    List<MessageRow> messages(UUID id) {
        return jdbc.query("""
                select message_id, kind, author_kind, author, body, created_at from legal_request_message
                where legal_request_id = ? order by created_at, message_id""", (rs, n) -> new MessageRow(
                rs.getLong("message_id"), rs.getString("kind"), rs.getString("author_kind"), rs.getString("author"),
                rs.getString("body"), rs.getTimestamp("created_at").toInstant()), id);
    }

    boolean escalated(UUID id) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                select exists (select 1 from legal_audit_entry where legal_request_id = ? and action = 'review-escalated'
                               and seq > coalesce((select max(seq) from legal_audit_entry
                                                   where legal_request_id = ? and action = 'triaged'), 0))""",
                Boolean.class, id, id));
    }

    String json(ReviewScope scope) {
        try {
            return scope == null ? null : json.writeValueAsString(scope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Object> map(String text) {
        try {
            return text == null ? Map.of() : json.readValue(text, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private ReviewCase row(ResultSet rs, int n) throws SQLException {
        ReviewScope requested = new ReviewScope(strings(rs.getArray("scope_numbers")),
                strings(rs.getArray("scope_providers")), strings(rs.getArray("scope_campaigns")),
                strings(rs.getArray("scope_tracebacks")), date(rs, "scope_from"), date(rs, "scope_to"));
        ReviewScope approved;
        try {
            String text = rs.getString("approved_scope");
            approved = text == null ? null : json.readValue(text, ReviewScope.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("approved scope of " + rs.getString("reference") + " is not readable", e);
        }
        return new ReviewCase(rs.getObject("legal_request_id", UUID.class), rs.getString("reference"),
                rs.getObject("agency_id", UUID.class), rs.getString("agency_name"), rs.getString("agency_type"),
                rs.getString("submitter_email"), rs.getString("request_type"), rs.getString("issuing_authority"),
                rs.getString("case_number"), date(rs, "return_date"), rs.getString("description"), requested, approved,
                rs.getString("status"), rs.getString("step"), rs.getString("outcome"), rs.getString("outcome_reason"),
                rs.getString("triage"), instant(rs, "review_due_at"), rs.getString("reviewed_by"),
                rs.getString("signed_off_by"), rs.getString("process_instance_key"), instant(rs, "submitted_at"),
                instant(rs, "updated_at"), instant(rs, "released_at"), instant(rs, "closed_at"));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static final com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>> MAP = new com.fasterxml.jackson.core.type.TypeReference<>() {
    };

    private static final String SELECT = """
            select r.*, r.approved_scope::text as approved_scope, a.name as agency_name, a.agency_type,
                   u.email as submitter_email
            from legal_request r join agency a on a.agency_id = r.agency_id
                 join agency_user u on u.agency_user_id = r.submitted_by""";
}
