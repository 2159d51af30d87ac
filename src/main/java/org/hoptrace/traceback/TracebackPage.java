package org.hoptrace.traceback;

import java.util.List;

/**
 * One page of the tracebacks list, newest first.
 *
 * @param page       zero-based page number
 * @param size       rows per page
 * @param total      tracebacks matching the filter on all pages
 * @param totalPages pages needed for {@code total}
 */
public record TracebackPage(List<TracebackRow> items, int page, int size, long total, int totalPages) {

    static TracebackPage of(List<TracebackRow> items, int page, int size, long total) {
        return new TracebackPage(items, page, size, total, (int) ((total + size - 1) / size));
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return page + 1 < totalPages;
    }
}
