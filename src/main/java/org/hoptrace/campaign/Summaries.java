package org.hoptrace.campaign;

import java.util.List;
import java.util.stream.Collectors;

/** Plain-text summaries of a campaign, for the review form and the agency alerts. */
final class Summaries {

    private Summaries() {
    }

    static String of(Campaign c) {
        return """
                Category: %s
                Calls: %d in total, %d in the last 24 hours (growth %s x on the 24 hours before)
                First seen %s, last seen %s
                Distinct calling numbers: %d
                Attestation: A %d, B %d, C %d, none %d
                Called states: %s
                Callback numbers: %s
                Message: %s""".formatted(c.category() == null ? "unknown" : c.category(), c.callCount(), c.calls24h(),
                c.growth().toPlainString(), c.firstSeen(), c.lastSeen(), c.distinctCallingNumbers(), c.attestationA(),
                c.attestationB(), c.attestationC(), c.attestationNone(), states(c), c.callbackNumbers().isEmpty() ? "none"
                        : String.join(", ", c.callbackNumbers()),
                c.representativeTranscript() == null ? "(no transcript)" : c.representativeTranscript());
    }

    static String states(Campaign c) {
        List<String> states = c.statesByVolume();
        if (states.isEmpty()) {
            return "unknown";
        }
        return states.stream().limit(15).map(s -> s + " " + c.calledStates().get(s)).collect(Collectors.joining(", "))
                + (states.size() > 15 ? " and %d more".formatted(states.size() - 15) : "");
    }
}
