package org.hoptrace.legal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.tika.config.TikaConfig;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.extractor.ParsingEmbeddedDocumentExtractor;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.apache.tika.sax.BodyContentHandler;
import org.hoptrace.document.DocumentRejectedException;
import org.hoptrace.document.DocumentRejectedException.Reason;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * Text and metadata of an accepted document, read by Apache Tika under limits: at most so many
 * characters (the rest is cut off and the metadata says so), embedded documents only so deep, no OCR,
 * and within a time limit on a thread of its own. A file that needs a password, or cannot be read at
 * all, is refused naming the file.
 */
final class IntakeExtraction implements AutoCloseable {

    static final String TRUNCATED = "hoptrace:text-truncated";
    static final String EMBEDDED_SKIPPED = "hoptrace:embedded-skipped";
    private static final int MAX_METADATA_ENTRIES = 200;
    private static final int MAX_METADATA_VALUE = 1000;

    /** What Tika read: the text and the metadata, one value per name (several joined by "; "). */
    record Extracted(String text, Map<String, String> metadata) {
    }

    private final IntakeSettings limits;
    private final Parser parser = new AutoDetectParser(TikaConfig.getDefaultConfig());
    private final ExecutorService threads;

    IntakeExtraction(IntakeSettings limits) {
        this.limits = limits;
        AtomicInteger count = new AtomicInteger();
        this.threads = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "intake-extraction-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    Extracted extract(String name, String mediaType, InputStream content) {
        Future<Extracted> reading = threads.submit(() -> parse(mediaType, content));
        try {
            return reading.get(limits.extractionTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            reading.cancel(true);
            throw new DocumentRejectedException(Reason.UNREADABLE, name, name + " could not be read within "
                    + limits.extractionTimeout().toSeconds() + " seconds; send a simpler copy (e.g. a PDF)");
        } catch (InterruptedException e) {
            reading.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading " + name, e);
        } catch (ExecutionException e) {
            throw refusal(name, e.getCause());
        }
    }

    private static DocumentRejectedException refusal(String name, Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof EncryptedDocumentException || t instanceof org.apache.poi.EncryptedDocumentException) {
                return IntakeScreening.encrypted(name);
            }
        }
        return new DocumentRejectedException(Reason.UNREADABLE, name, name + " could not be read ("
                + cause.getClass().getSimpleName() + "); it may be damaged");
    }

    private Extracted parse(String mediaType, InputStream content) throws Exception {
        Metadata metadata = new Metadata();
        metadata.set(Metadata.CONTENT_TYPE, mediaType);
        ParseContext context = new ParseContext();
        TesseractOCRConfig noOcr = new TesseractOCRConfig();
        noOcr.setSkipOcr(true);
        context.set(TesseractOCRConfig.class, noOcr);
        context.set(Parser.class, parser);
        DepthLimited embedded = new DepthLimited(context, limits.maxEmbeddedDepth());
        context.set(EmbeddedDocumentExtractor.class, embedded);
        BodyContentHandler text = new BodyContentHandler(limits.maxTextCharacters());
        boolean truncated = false;
        try (InputStream in = TikaInputStream.get(content)) {
            parser.parse(in, text, metadata, context);
        } catch (SAXException e) {
            if (!WriteLimitReachedException.isWriteLimitReached(e)) {
                throw e;
            }
            truncated = true;
        }
        Map<String, String> kept = new TreeMap<>();
        for (String key : metadata.names()) {
            if (!key.startsWith("X-TIKA") && kept.size() < MAX_METADATA_ENTRIES) {
                String value = withoutNul(String.join("; ", metadata.getValues(key)));
                kept.put(key, value.length() > MAX_METADATA_VALUE ? value.substring(0, MAX_METADATA_VALUE) : value);
            }
        }
        if (truncated) {
            kept.put(TRUNCATED, "after " + limits.maxTextCharacters() + " characters");
        }
        if (embedded.skipped > 0) {
            kept.put(EMBEDDED_SKIPPED, Integer.toString(embedded.skipped));
        }
        return new Extracted(withoutNul(text.toString()).strip(), kept);
    }

    /** PostgreSQL text and jsonb cannot hold NUL characters, which the text of some documents contains. */
    private static String withoutNul(String text) {
        return text.replace("\u0000", "");
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }

    /** Reads embedded documents (attachments, OLE objects) only so many levels deep. */
    private static final class DepthLimited implements EmbeddedDocumentExtractor {

        private final ParsingEmbeddedDocumentExtractor delegate;
        private final int maxDepth;
        private int depth;
        private int skipped;

        DepthLimited(ParseContext context, int maxDepth) {
            this.delegate = new ParsingEmbeddedDocumentExtractor(context);
            this.maxDepth = maxDepth;
        }

        @Override
        public boolean shouldParseEmbedded(Metadata metadata) {
            if (depth >= maxDepth) {
                skipped++;
                return false;
            }
            return delegate.shouldParseEmbedded(metadata);
        }

        @Override
        public void parseEmbedded(InputStream stream, ContentHandler handler, Metadata metadata, boolean outputHtml)
                throws SAXException, IOException {
            depth++;
            try {
                delegate.parseEmbedded(stream, handler, metadata, outputHtml);
            } finally {
                depth--;
            }
        }
    }
}
