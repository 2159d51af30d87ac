package org.hoptrace.legal;

import java.io.InputStream;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.annotation.PreDestroy;
import org.hoptrace.document.Document;
import org.hoptrace.document.DocumentStore;
import org.hoptrace.document.Upload;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Intake of the documents of a legal request (docs/legal-intake.md). {@link #inspect} checks and reads a
 * file before anything is stored: the type comes from the content (Apache Tika), within the size limit;
 * programs, macro-bearing and encrypted files, archive bombs and files whose name says another type are
 * refused with {@link org.hoptrace.document.DocumentRejectedException} naming the file and the reason.
 * The text and metadata are extracted under limits and fields are proposed from the text.
 * {@link #attach} stores it with the request, in the caller's transaction.
 */
@Component
public class IntakeInspector {

    private final DocumentStore documents;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Clock clock;
    private final IntakeSettings settings;
    private final IntakeScreening screening;
    private final IntakeExtraction extraction;

    IntakeInspector(DocumentStore documents, JdbcTemplate jdbc, ObjectMapper json, Clock clock, IntakeSettings settings) {
        this.documents = documents;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.settings = settings;
        this.screening = new IntakeScreening(documents, settings);
        this.extraction = new IntakeExtraction(settings);
    }

    /** The largest document accepted, in bytes ({@code hoptrace.legal.max-document-size}). */
    public long maxDocumentSize() {
        return settings.maxDocumentSize().toBytes();
    }

    /** Checks and reads one document; stores nothing. */
    public Inspected inspect(String filename, InputStream content) {
        Upload upload = documents.inspect(filename, content, maxDocumentSize(), screening);
        IntakeExtraction.Extracted extracted = extraction.extract(upload.filename(), upload.mediaType(), upload.open());
        return new Inspected(upload, extracted.text(), extracted.metadata(),
                FieldProposals.find(extracted.text(), providersNamedIn(extracted.text())));
    }

    /** Stores the original and what intake found, as a document of the request in the given role. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Document attach(UUID legalRequestId, String role, Inspected inspected, String actor) {
        Document stored = documents.store(inspected.upload(), actor);
        try {
            jdbc.update("""
                    insert into legal_request_document (legal_request_id, document_id, role, extracted_text, metadata,
                                                        proposed_fields, added_at)
                    values (?, ?, ?, ?, ?::jsonb, ?::jsonb, ?)""", legalRequestId, stored.id(), role,
                    inspected.text(), json.writeValueAsString(inspected.metadata()),
                    json.writeValueAsString(inspected.proposedFields()), Timestamp.from(clock.instant()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return stored;
    }

    /** Providers of the registry whose legal name occurs in the text (ignoring case); FieldProposals checks word bounds. */
    private List<FieldProposals.KnownProvider> providersNamedIn(String text) {
        if (text.isBlank()) {
            return List.of();
        }
        return jdbc.query("""
                select provider_id, legal_name from provider
                where length(legal_name) >= 3 and strpos(?, lower(regexp_replace(legal_name, '\\s+', ' ', 'g'))) > 0
                order by registered desc, legal_name""",
                (rs, row) -> new FieldProposals.KnownProvider(rs.getObject("provider_id", UUID.class), rs.getString("legal_name")),
                text.replaceAll("\\s+", " ").toLowerCase(Locale.ROOT));
    }

    @PreDestroy
    void stop() {
        extraction.close();
    }
}
