package org.hoptrace.campaign;

import java.time.Instant;
import java.util.UUID;

/**
 * A traceback started for a campaign: for which threshold ({@code staff} when started by hand), from which call,
 * how it stands, its provider chain (terminating first) and, when it found one, the origin.
 */
record CampaignTraceback(UUID tracebackId, String reference, String threshold, long callId, String callingNumber,
                         Instant callTime, String status, String outcome, String providerChain, String originProvider,
                         String originCustomer) {

    boolean ended() {
        return !"open".equals(status);
    }

    /** The origin or the foreign point of entry was found: as far as a traceback can go. */
    boolean foundOrigin() {
        return "origin-found".equals(outcome) || "foreign-point-of-entry".equals(outcome);
    }
}
