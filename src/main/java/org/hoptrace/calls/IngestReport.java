package org.hoptrace.calls;

import java.util.List;
import java.util.UUID;

/**
 * What a batch did. {@code received} rows were read: {@code accepted} were new and stored,
 * {@code duplicates} were good but already stored (same source and source call id, in this batch or an
 * earlier one), {@code rejected} were bad; {@code rejectedRows} lists the first of them
 * ({@link CallIngestion#REPORTED_REJECTIONS}), the whole list is at {@code rejectionsUrl}.
 */
public record IngestReport(UUID batchId, UUID sourceId, String format, String layout, long received, long accepted,
                           long duplicates, long rejected, List<Rejected> rejectedRows, boolean moreRejectedRows,
                           List<String> ignoredColumns, String rejectionsUrl) {

    public IngestReport {
        rejectedRows = List.copyOf(rejectedRows);
        ignoredColumns = List.copyOf(ignoredColumns);
    }

    /** The same report with the address of its whole rejection list. */
    public IngestReport withRejectionsUrl(String url) {
        return new IngestReport(batchId, sourceId, format, layout, received, accepted, duplicates, rejected, rejectedRows,
                moreRejectedRows, ignoredColumns, url);
    }

    /**
     * A refused row: its line (CSV and NDJSON: the line it starts on, the header being line 1; JSON array: the
     * line the item starts on), for a JSON array also the item's index from 0, and every reason.
     */
    public record Rejected(long line, Long index, List<String> reasons) {

        public Rejected {
            reasons = List.copyOf(reasons);
        }
    }
}
