package org.hoptrace.campaign;

import java.util.List;
import java.util.UUID;

/**
 * The providers a campaign's tracebacks passed through: each with the hop positions it was at (1 = terminating),
 * in how many of the campaign's tracebacks, whether it originated calls, and the other campaigns whose tracebacks
 * it appears in (a shared upstream); the hand-offs between them (downstream asked, upstream named).
 */
record Ecosystem(List<Node> providers, List<Edge> handoffs) {

    record Node(UUID providerId, String name, String country, String role, List<Integer> hops, int tracebacks,
                boolean origin, List<String> otherCampaigns) {

        public int firstHop() {
            return hops.isEmpty() ? 1 : hops.get(0);
        }

        public boolean shared() {
            return !otherCampaigns.isEmpty();
        }
    }

    record Edge(UUID downstream, UUID upstream, int tracebacks) {
    }

    Ecosystem {
        providers = List.copyOf(providers);
        handoffs = List.copyOf(handoffs);
    }
}
