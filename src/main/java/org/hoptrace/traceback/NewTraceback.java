package org.hoptrace.traceback;

import java.time.Instant;
import java.util.UUID;

/** The call a traceback starts from, as staff or the API give it (numbers already in E.164). */
public record NewTraceback(String callingNumber, String calledNumber, Instant callTime, String campaign,
                           String attestation, String originationId, UUID terminatingProviderId,
                           Traceback.Priority priority) {
}
