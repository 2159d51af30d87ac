package org.hoptrace.legal;

import java.util.Map;

import org.hoptrace.document.Upload;

/**
 * A document intake accepted and read, not stored yet: the checked upload, the text and metadata
 * extracted from it and the fields proposed from the text for the reviewer to confirm.
 */
public record Inspected(Upload upload, String text, Map<String, String> metadata, Map<String, Object> proposedFields) {
}
