package org.hoptrace.campaign.detection;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The campaigns of a run, numbered as in its {@link Anchors}. */
final class KnownCampaigns {

    final Anchors anchors;
    private final List<UUID> ids = new ArrayList<>();
    private final Map<UUID, Integer> numbers = new HashMap<>();

    KnownCampaigns(int k) {
        anchors = new Anchors(k);
    }

    int add(UUID id) {
        int number = anchors.addCampaign();
        ids.add(id);
        numbers.put(id, number);
        return number;
    }

    UUID id(int number) {
        return ids.get(number);
    }

    Integer number(UUID id) {
        return numbers.get(id);
    }
}
