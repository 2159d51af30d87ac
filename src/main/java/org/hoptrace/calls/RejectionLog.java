package org.hoptrace.calls;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The rejected rows of a batch while it is read: the first few kept for the answer, all of them written
 * to a temporary file (COPY text format for {@code call_batch_rejection}) so that memory stays flat and
 * the whole report can be stored once the calls are in.
 */
final class RejectionLog implements Closeable {

    private final Path file;
    private final BufferedWriter out;
    private final int keep;
    private final String batchId;
    private final List<IngestReport.Rejected> first = new ArrayList<>();
    private long count;

    RejectionLog(java.util.UUID batchId, int keep) throws IOException {
        this.keep = keep;
        this.batchId = batchId.toString();
        this.file = Files.createTempFile("hoptrace-rejected-", ".tsv");
        this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    }

    void add(RawCall call, List<String> reasons) throws IOException {
        count++;
        if (first.size() < keep) {
            first.add(new IngestReport.Rejected(call.line(), call.index(), reasons));
        }
        out.write(batchId + "\t" + call.position() + "\t" + call.line() + "\t" + (call.index() == null ? "\\N" : call.index()) + "\t"
                + escape(String.join(" | ", reasons)) + "\n");
    }

    long count() {
        return count;
    }

    List<IngestReport.Rejected> first() {
        return List.copyOf(first);
    }

    /** The rows written so far, for {@code COPY call_batch_rejection (batch_id, position, line, item_index, reasons)}. */
    Reader rows() throws IOException {
        out.flush();
        return Files.newBufferedReader(file, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        out.close();
        Files.deleteIfExists(file);
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }
}
