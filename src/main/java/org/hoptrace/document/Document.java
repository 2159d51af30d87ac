package org.hoptrace.document;

import java.time.Instant;
import java.util.UUID;

/** A stored document without its content: name as uploaded, the media type detected from the content, size, SHA-256 (hex). */
public record Document(UUID id, String filename, String mediaType, long sizeBytes, String sha256, String uploadedBy,
                       Instant uploadedAt) {
}
