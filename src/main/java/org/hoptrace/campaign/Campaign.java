package org.hoptrace.campaign;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A campaign as detection keeps it, with its recent volume: calls in the last 24 hours, in the 24 hours
 * before, and growth, the ratio of the two (the earlier count taken as at least 1).
 */
public record Campaign(UUID id, String reference, String name, String category, Status status,
                       String representativeTranscript, Instant firstSeen, Instant lastSeen, long callCount,
                       long distinctCallingNumbers, long attestationA, long attestationB, long attestationC,
                       long attestationNone, Map<String, Long> calledStates, List<String> callbackNumbers,
                       long calls24h, long callsPrevious24h, BigDecimal growth) {

    public enum Status {
        NEW, WATCH, TRACING, DISMISSED;

        public String code() {
            return name().toLowerCase();
        }

        public static Status ofCode(String code) {
            for (Status status : values()) {
                if (status.code().equals(code)) {
                    return status;
                }
            }
            throw new IllegalArgumentException("status is one of new, watch, tracing, dismissed; not '" + code + "'");
        }
    }

    public Campaign {
        calledStates = Map.copyOf(calledStates);
        callbackNumbers = List.copyOf(callbackNumbers);
    }

    /** Share of the calls signed with attestation A, 0 to 1. */
    public double attestationAShare() {
        return callCount == 0 ? 0 : (double) attestationA / callCount;
    }

    /** The called parties' states, most called first. */
    public List<String> statesByVolume() {
        return calledStates.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).toList();
    }
}
