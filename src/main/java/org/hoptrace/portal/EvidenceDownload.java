package org.hoptrace.portal;

import java.nio.charset.StandardCharsets;

import org.hoptrace.document.Document;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A stored evidence document as a download: its detected type, never shown inline. */
final class EvidenceDownload {

    private EvidenceDownload() {
    }

    static ResponseEntity<byte[]> of(Document document, byte[] content) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(document.mediaType()))
                .contentLength(content.length)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(document.filename(), StandardCharsets.UTF_8).build().toString())
                .body(content);
    }
}
