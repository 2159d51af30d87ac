package org.hoptrace.provider;

import java.util.List;

/** One page of a provider list and how many providers the filter matches in all. */
public record ProviderPage(List<Provider> items, int page, int size, long total) {

    public ProviderPage {
        items = List.copyOf(items);
    }

    public int pages() {
        return (int) ((total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }
}
