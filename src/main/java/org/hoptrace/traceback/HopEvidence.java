package org.hoptrace.traceback;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.hoptrace.document.Document;
import org.hoptrace.document.DocumentStore;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The documents a provider sent as evidence with its answer to a hop. */
@Repository
public class HopEvidence {

    private static final String DOCUMENT_COLUMNS = """
            d.document_id, d.filename, d.media_type, d.size_bytes, d.sha256, d.uploaded_by, d.uploaded_at""";

    private final JdbcTemplate jdbc;

    HopEvidence(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void attach(UUID hopId, UUID documentId) {
        jdbc.update("insert into hop_evidence (hop_id, document_id) values (?, ?) on conflict do nothing", hopId, documentId);
    }

    /** The hop's evidence, in the order it was uploaded. */
    public List<Document> documents(UUID hopId) {
        return jdbc.query("select " + DOCUMENT_COLUMNS + " from hop_evidence e join document d on d.document_id = e.document_id "
                + "where e.hop_id = ? order by d.uploaded_at, d.filename", (rs, row) -> DocumentStore.document(rs), hopId);
    }

    /** The document, if it is evidence of this hop. */
    public Optional<Document> document(UUID hopId, UUID documentId) {
        return jdbc.query("select " + DOCUMENT_COLUMNS + " from hop_evidence e join document d on d.document_id = e.document_id "
                + "where e.hop_id = ? and e.document_id = ?", (rs, row) -> DocumentStore.document(rs), hopId, documentId)
                .stream().findFirst();
    }
}
