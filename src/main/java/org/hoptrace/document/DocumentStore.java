package org.hoptrace.document;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.apache.tika.config.TikaConfig;
import org.apache.tika.detect.Detector;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.hoptrace.document.DocumentRejectedException.Reason;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Uploaded documents in PostgreSQL, with their SHA-256, size and the media type Apache Tika detects
 * from the content. The file name plays no part in the decision: a ZIP named {@code calls.pdf} is a
 * ZIP. Accepted are PDF, and CSV: Tika calls most CSV files {@code text/plain} when it sees only the
 * content, so plain text is accepted as {@code text/csv} when it has the shape of CSV ({@link CsvShape}).
 * Checking ({@link #inspect}) and storing ({@link #store(Upload, String)}) are separate, so a caller can
 * check every file before its transaction and store them inside it. Other documents (those of legal
 * requests) are checked under their own size limit and rules: {@link #inspect(String, InputStream, long, Screening)}.
 */
@Component
public class DocumentStore {

    static final String PDF = "application/pdf";
    static final String CSV = "text/csv";

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final long maxSize;
    private final Detector detector = TikaConfig.getDefaultConfig().getDetector();

    DocumentStore(JdbcTemplate jdbc, Clock clock, DocumentSettings settings) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.maxSize = settings.maxSize().toBytes();
    }

    /** The largest document accepted, in bytes. */
    public long maxSize() {
        return maxSize;
    }

    /** Reads a file and checks its size and detected type; throws {@link DocumentRejectedException} with the reason. */
    public Upload inspect(String filename, InputStream content) {
        return inspect(filename, content, maxSize, this::acceptedType);
    }

    /**
     * Reads a file under another size limit and another policy than provider evidence (e.g. the documents of
     * a legal request): the size and emptiness are checked here, the type Tika detects from the content is
     * passed to {@code screening}, which returns the media type to store or throws
     * {@link DocumentRejectedException}.
     */
    public Upload inspect(String filename, InputStream content, long sizeLimit, Screening screening) {
        String name = cleanName(filename);
        byte[] bytes;
        try (content) {
            bytes = content.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, sizeLimit + 1));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + name, e);
        }
        if (bytes.length > sizeLimit) {
            throw new DocumentRejectedException(Reason.TOO_LARGE, name,
                    name + " is larger than " + megabytes(sizeLimit) + ", the limit for one document");
        }
        if (bytes.length == 0) {
            throw new DocumentRejectedException(Reason.EMPTY, name, name + " is empty");
        }
        return new Upload(name, screening.accept(name, bytes), bytes, sha256(bytes));
    }

    /** The media type Tika detects from the content alone (the name plays no part). */
    public String detect(String name, byte[] bytes) {
        try (InputStream in = TikaInputStream.get(new ByteArrayInputStream(bytes))) {
            return detector.detect(in, new Metadata()).getBaseType().toString();
        } catch (IOException e) {
            throw new UncheckedIOException("could not detect the type of " + name, e);
        }
    }

    /** Decides whether a file read by {@link #inspect(String, InputStream, long, Screening)} is accepted. */
    @FunctionalInterface
    public interface Screening {

        /**
         * @param name  the cleaned file name, for the reason
         * @param bytes the whole content, not empty and within the size limit
         * @return the media type to store the file as
         * @throws DocumentRejectedException naming the file and why it is refused
         */
        String accept(String name, byte[] bytes);
    }

    /** Stores a checked file, in the caller's transaction if there is one. */
    @Transactional
    public Document store(Upload upload, String uploadedBy) {
        UUID id = UUID.randomUUID();
        jdbc.update("""
                insert into document (document_id, filename, media_type, size_bytes, sha256, content, uploaded_by, uploaded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""",
                id, upload.filename(), upload.mediaType(), upload.sizeBytes(), upload.sha256(), upload.content(),
                uploadedBy, Timestamp.from(clock.instant()));
        return find(id).orElseThrow();
    }

    /** Checks and stores a file in one step. */
    @Transactional
    public Document store(String filename, InputStream content, String uploadedBy) {
        return store(inspect(filename, content), uploadedBy);
    }

    public Optional<Document> find(UUID id) {
        return jdbc.query("select " + COLUMNS + " from document where document_id = ?", ROW, id).stream().findFirst();
    }

    public byte[] content(UUID id) {
        List<byte[]> content = jdbc.query("select content from document where document_id = ?",
                (rs, row) -> rs.getBytes("content"), id);
        if (content.isEmpty()) {
            throw new IllegalArgumentException("no document " + id);
        }
        return content.get(0);
    }

    private String acceptedType(String name, byte[] bytes) {
        String type = detect(name, bytes);
        if (PDF.equals(type) || CSV.equals(type)) {
            return type;
        }
        if ("text/plain".equals(type)) {
            if (CsvShape.isCsv(bytes)) {
                return CSV;
            }
            throw new DocumentRejectedException(Reason.TYPE_NOT_ACCEPTED, name, name + " is text/plain but not CSV "
                    + "(rows with the same number of comma-, semicolon- or tab-separated fields), "
                    + "only PDF and CSV are accepted");
        }
        throw new DocumentRejectedException(Reason.TYPE_NOT_ACCEPTED, name,
                name + " is " + type + ", only PDF and CSV are accepted");
    }

    /** The name without any directory a browser sent along, without control characters, at most 255 characters. */
    static String cleanName(String filename) {
        String name = filename == null ? "" : filename;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("\\p{Cntrl}", "").strip();
        if (name.isEmpty()) {
            return "unnamed";
        }
        return name.length() > 255 ? name.substring(name.length() - 255) : name;
    }

    static String megabytes(long bytes) {
        double mb = bytes / (1024.0 * 1024.0);
        return mb == Math.rint(mb) ? (long) mb + " MB" : String.format(Locale.ROOT, "%.1f MB", mb);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final String COLUMNS = "document_id, filename, media_type, size_bytes, sha256, uploaded_by, uploaded_at";

    static final RowMapper<Document> ROW = (ResultSet rs, int row) -> document(rs);

    /** A document from a result set with the columns of {@code document} (not the content). */
    public static Document document(ResultSet rs) throws SQLException {
        return new Document(rs.getObject("document_id", UUID.class), rs.getString("filename"),
                rs.getString("media_type"), rs.getLong("size_bytes"), rs.getString("sha256"),
                rs.getString("uploaded_by"), rs.getTimestamp("uploaded_at").toInstant());
    }
}
