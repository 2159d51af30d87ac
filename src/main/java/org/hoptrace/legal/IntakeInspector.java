package org.hoptrace.legal;

import java.io.InputStream;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.hoptrace.document.Document;
import org.hoptrace.document.DocumentStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Intake of the documents of a legal request. {@link #inspect} checks and reads a file before anything
 * is stored (throws {@link org.hoptrace.document.DocumentRejectedException} naming the file and the
 * reason); {@link #attach} stores it with the request, in the caller's transaction.
 */
@Component
public class IntakeInspector {

    private final DocumentStore documents;
    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Clock clock;

    IntakeInspector(DocumentStore documents, JdbcTemplate jdbc, ObjectMapper json, Clock clock) {
        this.documents = documents;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    public Inspected inspect(String filename, InputStream content) {
        return new Inspected(documents.inspect(filename, content), "", Map.of(), Map.of());
    }

    /** Stores the original and what intake found, as a document of the request in the given role. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Document attach(UUID legalRequestId, String role, Inspected inspected, String actor) {
        Document stored = documents.store(inspected.upload(), actor);
        try {
            jdbc.update("""
                    insert into legal_request_document (legal_request_id, document_id, role, extracted_text, metadata,
                                                        proposed_fields, added_at)
                    values (?, ?, ?, ?, ?::jsonb, ?::jsonb, ?)""", legalRequestId, stored.id(), role, inspected.text(),
                    json.writeValueAsString(inspected.metadata()), json.writeValueAsString(inspected.proposedFields()),
                    Timestamp.from(clock.instant()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return stored;
    }
}
