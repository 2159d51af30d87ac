package org.hoptrace.document;

import java.io.ByteArrayInputStream;
import java.io.InputStream;

/**
 * A file that {@link DocumentStore#inspect} read and accepted, not stored yet: its cleaned name, the
 * media type detected from its content, its size and SHA-256 (hex). Only the store reads the content.
 */
public final class Upload {

    private final String filename;
    private final String mediaType;
    private final byte[] content;
    private final String sha256;

    Upload(String filename, String mediaType, byte[] content, String sha256) {
        this.filename = filename;
        this.mediaType = mediaType;
        this.content = content;
        this.sha256 = sha256;
    }

    public String filename() {
        return filename;
    }

    public String mediaType() {
        return mediaType;
    }

    public long sizeBytes() {
        return content.length;
    }

    public String sha256() {
        return sha256;
    }

    byte[] content() {
        return content;
    }

    /** The content, to read it (e.g. to extract its text); the upload itself stays as it was checked. */
    public InputStream open() {
        return new ByteArrayInputStream(content);
    }

    @Override
    public String toString() {
        return filename + " (" + mediaType + ", " + content.length + " bytes, sha256 " + sha256 + ")";
    }
}
