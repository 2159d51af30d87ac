package org.hoptrace.agency;

import java.util.List;

/**
 * One page of an agency list, by name.
 *
 * @param page       zero-based page number
 * @param size       rows per page
 * @param total      agencies matching the filter on all pages
 * @param totalPages pages needed for {@code total}
 */
public record AgencyPage(List<Agency> items, int page, int size, long total, int totalPages) {

    public AgencyPage {
        items = List.copyOf(items);
    }

    static AgencyPage of(List<Agency> items, int page, int size, long total) {
        return new AgencyPage(items, page, size, total, (int) ((total + size - 1) / size));
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return page + 1 < totalPages;
    }
}
