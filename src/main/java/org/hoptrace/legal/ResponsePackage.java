package org.hoptrace.legal;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.hoptrace.document.Document;
import org.hoptrace.document.DocumentStore;
import org.hoptrace.legal.AuditEntry.ActorKind;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The response to a legal request: Hoptrace's traceback records within the approved scope as a CSV (one
 * row per hop: the traceback, the provider asked, its answer, its evidence files with their SHA-256) and
 * a PDF cover letter. A traceback is in scope when its reference, calling or called number, campaign or
 * one of its hop providers is named in the scope, and its call falls in the scope's date range; a scope
 * naming nothing but a date range takes every traceback of the range. Assembling again (after a sign-off
 * sent the request back) replaces the previous package.
 */
@Component
class ResponsePackage {

    static final String CSV_HEADER = "traceback,call_time_utc,calling_number,called_number,campaign,attestation,"
            + "traceback_status,traceback_outcome,hop,provider,provider_role,provider_country,hop_status,requested_at_utc,"
            + "answered_at_utc,answer,upstream_provider,origin_customer,explanation,comment,evidence";

    /** What was put together, for the sign-off form and the audit trail. */
    record Assembled(int tracebacks, int hops, List<Document> documents) {

        String summary() {
            return "%d traceback%s, %d hop%s.%n%s".formatted(tracebacks, tracebacks == 1 ? "" : "s", hops,
                    hops == 1 ? "" : "s", documents.stream().map(d -> d.filename() + " (" + d.sizeBytes()
                            + " bytes, sha256 " + d.sha256() + ")").collect(Collectors.joining("\n")));
        }
    }

    record Row(UUID tracebackId, List<String> cells) {
    }

    private final ReviewCases cases;
    private final DocumentStore documents;
    private final LegalAuditTrail audit;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    ResponsePackage(ReviewCases cases, DocumentStore documents, LegalAuditTrail audit, JdbcTemplate jdbc, Clock clock) {
        this.cases = cases;
        this.documents = documents;
        this.audit = audit;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    Assembled assemble(UUID requestId) {
        ReviewCase c = cases.get(requestId);
        ReviewScope scope = c.effectiveScope();
        List<Row> rows = rows(scope);
        int tracebacks = (int) rows.stream().map(Row::tracebackId).distinct().count();
        int hops = (int) rows.stream().filter(r -> !r.cells().get(8).isEmpty()).count();
        String base = c.reference() + "-response";
        byte[] csv = csv(rows);
        byte[] letter = ResponsePackageLetter.write(c, scope, tracebacks, hops, base + ".csv", clock.instant());
        jdbc.update("delete from legal_request_document where legal_request_id = ? and role = 'response'", requestId);
        List<Document> stored = new ArrayList<>();
        for (var file : List.of(new Object[]{base + "-cover-letter.pdf", letter}, new Object[]{base + ".csv", csv})) {
            Document d = documents.store((String) file[0], new ByteArrayInputStream((byte[]) file[1]), LegalRequestSteps.SYSTEM);
            jdbc.update("""
                    insert into legal_request_document (legal_request_id, document_id, role, added_at)
                    values (?, ?, 'response', ?)""", requestId, d.id(), Timestamp.from(clock.instant()));
            stored.add(d);
        }
        Assembled assembled = new Assembled(tracebacks, hops, stored);
        jdbc.update("update legal_request set step = 'sign-off', updated_at = ? where legal_request_id = ?",
                Timestamp.from(clock.instant()), requestId);
        audit.record(requestId, LegalRequestSteps.SYSTEM, ActorKind.SYSTEM, "package-assembled", assembled.summary());
        return assembled;
    }

    List<Row> rows(ReviewScope scope) {
        boolean onlyDates = scope.isEmpty();
        if (onlyDates && scope.from() == null && scope.to() == null) {
            return List.of();
        }
        return jdbc.query("""
                select t.traceback_id, t.reference, t.call_time, t.calling_number, t.called_number, t.campaign,
                       t.attestation, t.status as traceback_status, t.outcome, h.hop_number, p.legal_name, p.role,
                       p.country, h.status as hop_status, h.requested_at, h.answered_at, a.answer_type,
                       coalesce(up.legal_name, a.upstream_name) as upstream, a.customer_name,
                       coalesce(a.explanation, '') as explanation, coalesce(a.comment, '') as comment,
                       (select string_agg(d.filename || ' sha256 ' || d.sha256, '; ' order by d.filename)
                        from hop_evidence e join document d on d.document_id = e.document_id where e.hop_id = h.hop_id) as evidence
                from traceback t
                     left join hop h on h.traceback_id = t.traceback_id
                     left join provider p on p.provider_id = h.provider_id
                     left join hop_answer a on a.hop_id = h.hop_id
                     left join provider up on up.provider_id = a.upstream_provider_id
                where (? or upper(t.reference) = any (?) or t.calling_number = any (?) or t.called_number = any (?)
                       or lower(t.campaign) = any (?)
                       or exists (select 1 from hop h2 join provider p2 on p2.provider_id = h2.provider_id
                                  where h2.traceback_id = t.traceback_id and lower(p2.legal_name) = any (?)))
                  and (?::date is null or t.call_time >= ?::date)
                  and (?::date is null or t.call_time < ?::date + 1)
                order by t.call_time, t.reference, h.hop_number""", (rs, n) -> row(rs),
                onlyDates, array(scope.tracebacks(), ResponsePackage::upper), array(scope.numbers(), s -> s),
                array(scope.numbers(), s -> s), array(scope.campaigns(), ResponsePackage::lower),
                array(scope.providers(), ResponsePackage::lower), scope.from(), scope.from(), scope.to(),
                scope.to());
    }

    private static String[] array(List<String> values, java.util.function.UnaryOperator<String> normal) {
        Set<String> out = new LinkedHashSet<>();
        values.forEach(v -> out.add(normal.apply(v)));
        return out.toArray(String[]::new);
    }

    private static String upper(String s) {
        return s.toUpperCase(Locale.ROOT);
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    private static Row row(ResultSet rs) throws SQLException {
        List<String> cells = new ArrayList<>();
        cells.add(rs.getString("reference"));
        cells.add(utc(rs.getTimestamp("call_time")));
        cells.add(rs.getString("calling_number"));
        cells.add(rs.getString("called_number"));
        cells.add(nz(rs.getString("campaign")));
        cells.add(nz(rs.getString("attestation")));
        cells.add(rs.getString("traceback_status"));
        cells.add(nz(rs.getString("outcome")));
        cells.add(rs.getObject("hop_number") == null ? "" : String.valueOf(rs.getInt("hop_number")));
        cells.add(nz(rs.getString("legal_name")));
        cells.add(nz(rs.getString("role")));
        cells.add(nz(rs.getString("country")));
        cells.add(nz(rs.getString("hop_status")));
        cells.add(utc(rs.getTimestamp("requested_at")));
        cells.add(utc(rs.getTimestamp("answered_at")));
        cells.add(nz(rs.getString("answer_type")));
        cells.add(nz(rs.getString("upstream")));
        cells.add(nz(rs.getString("customer_name")));
        cells.add(rs.getString("explanation"));
        cells.add(rs.getString("comment"));
        cells.add(nz(rs.getString("evidence")));
        return new Row(rs.getObject("traceback_id", UUID.class), cells);
    }

    static byte[] csv(List<Row> rows) {
        StringBuilder out = new StringBuilder(CSV_HEADER).append("\r\n");
        if (rows.isEmpty()) {
            // a second record, so that the file is CSV by its content too (and says why it is empty)
            out.append(cell("no records in the approved scope")).append(",".repeat(CSV_HEADER.split(",").length - 1)).append("\r\n");
        }
        for (Row row : rows) {
            out.append(row.cells().stream().map(ResponsePackage::cell).collect(Collectors.joining(","))).append("\r\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String cell(String value) {
        String v = value == null ? "" : value;
        if (v.startsWith("=") || v.startsWith("@")) {
            v = "'" + v;   // not a formula when opened in a spreadsheet
        }
        return v.matches("(?s).*[\",\\r\\n].*") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }

    private static String utc(Timestamp t) {
        return t == null ? "" : t.toInstant().toString();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
