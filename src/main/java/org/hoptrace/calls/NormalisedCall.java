package org.hoptrace.calls;

import java.time.Instant;

/** A checked call, ready to be stored: numbers in E.164, time in UTC, optional fields null when absent. */
record NormalisedCall(String sourceCallId, String callingNumber, String calledNumber, Instant callTime,
                      Integer durationSeconds, String attestation, String originationId, String verdict,
                      String transcript, String callbackNumber, String calledState) {
}
