package org.hoptrace.legal;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PushbackInputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

import org.hoptrace.document.DocumentRejectedException;
import org.hoptrace.document.DocumentRejectedException.Reason;

/**
 * Archive bombs: a ZIP-based file (DOCX is one) is expanded once, counting what it really inflates to
 * (not what its headers claim), before any parser opens it. Refused when all entries together expand
 * beyond the limit, when one entry of more than a megabyte expands more than the allowed ratio, when it
 * has too many entries, or when archives are nested more than {@link #MAX_NESTING} deep.
 */
final class IntakeArchives {

    static final int MAX_NESTING = 2;
    private static final long RATIO_APPLIES_ABOVE = 1024 * 1024;
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};

    private final String name;
    private final IntakeSettings limits;
    private long expanded;
    private int entries;
    private final List<String> names = new ArrayList<>();

    private IntakeArchives(String name, IntakeSettings limits) {
        this.name = name;
        this.limits = limits;
    }

    static boolean isZip(byte[] bytes) {
        return startsWithZipMagic(bytes, bytes.length);
    }

    /**
     * The names of the archive's own entries; throws {@link DocumentRejectedException}
     * ({@link Reason#ARCHIVE_BOMB}) if the archive expands too far.
     */
    static List<String> check(String name, byte[] bytes, IntakeSettings limits) {
        try {
            IntakeArchives archive = new IntakeArchives(name, limits);
            archive.scan(new ByteArrayInputStream(bytes), 0);
            return List.copyOf(archive.names);
        } catch (ZipException e) {
            throw new DocumentRejectedException(Reason.UNREADABLE, name, name + " is a damaged archive: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + name, e);
        }
    }

    private void scan(InputStream archive, int nesting) throws IOException {
        ZipInputStream zip = new ZipInputStream(archive);
        for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
            if (++entries > limits.maxArchiveEntries()) {
                throw bomb("has more than " + limits.maxArchiveEntries() + " entries");
            }
            if (nesting == 0) {
                names.add(entry.getName());
            }
            Counting content = new Counting(zip);
            PushbackInputStream peek = new PushbackInputStream(content, ZIP_MAGIC.length);
            byte[] head = peek.readNBytes(ZIP_MAGIC.length);
            peek.unread(head);
            if (startsWithZipMagic(head, head.length)) {
                if (nesting + 1 > MAX_NESTING) {
                    throw bomb("nests archives more than " + MAX_NESTING + " deep (" + entry.getName() + ")");
                }
                scan(peek, nesting + 1);
            }
            peek.transferTo(OutputStream.nullOutputStream());
            long compressed = entry.getCompressedSize();
            if (content.count > RATIO_APPLIES_ABOVE && compressed > 0
                    && content.count / compressed > limits.maxExpansionRatio()) {
                throw bomb("has an entry (" + entry.getName() + ") that expands " + content.count / compressed
                        + " times, more than " + limits.maxExpansionRatio() + " times");
            }
        }
    }

    private DocumentRejectedException bomb(String what) {
        return new DocumentRejectedException(Reason.ARCHIVE_BOMB, name, name + " looks like an archive bomb: it "
                + what + "; such files are refused");
    }

    private static boolean startsWithZipMagic(byte[] bytes, int length) {
        if (length < ZIP_MAGIC.length) {
            return false;
        }
        for (int i = 0; i < ZIP_MAGIC.length; i++) {
            if (bytes[i] != ZIP_MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    /** The bytes of one entry as they are inflated, counted against the limit for the whole archive. */
    private final class Counting extends FilterInputStream {

        long count;

        Counting(InputStream entry) {
            super(entry);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        @Override
        public void close() {
            // the entry belongs to the archive stream, which goes on to the next entry
        }

        private void counted(int n) {
            count += n;
            expanded += n;
            if (expanded > limits.maxExpandedSize().toBytes()) {
                throw bomb("expands to more than " + limits.maxExpandedSize().toMegabytes() + " MB");
            }
        }
    }
}
