package org.hoptrace.traceback;

import java.time.Instant;
import java.util.UUID;

/**
 * A provider's answer to a hop request: who handed it the call (a registered or an unregistered
 * upstream provider), or that the call originated with its customer, or that it cannot find the call.
 * {@code insufficientReason}, {@code markedInsufficientBy} and {@code markedInsufficientAt} are set
 * while ITG staff hold the answer insufficient (it counts against the provider's cooperation record).
 */
public record HopAnswer(UUID hopId, Type type, UUID upstreamProviderId, String upstreamName, String upstreamEmail,
                        String upstreamPhone, String upstreamCountry, String customerName, String customerDetails,
                        String explanation, String comment, String channel, String answeredBy, Instant receivedAt,
                        boolean late, String fingerprint, String insufficientReason, String markedInsufficientBy,
                        Instant markedInsufficientAt) {

    public enum Type {
        UPSTREAM_REGISTERED, UPSTREAM_UNREGISTERED, ORIGIN, NOT_FOUND;

        public String code() {
            return name().toLowerCase().replace('_', '-');
        }

        public static Type ofCode(String code) {
            return valueOf(code.toUpperCase().replace('-', '_'));
        }
    }
}
