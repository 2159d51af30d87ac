package org.hoptrace.campaign;

import java.util.List;

/** One page of a campaign list. */
record CampaignPage(List<Campaign> items, int page, int size, long total) {

    CampaignPage {
        items = List.copyOf(items);
    }

    public int totalPages() {
        return (int) ((total + size - 1) / size);
    }
}
