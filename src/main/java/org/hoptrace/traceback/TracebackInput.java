package org.hoptrace.traceback;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A new traceback as staff type it in the console or an API client posts it, before it is checked:
 * every field as given, so that each mistake can be reported against its field.
 */
@Schema(name = "NewTraceback", description = "The suspicious call a traceback starts from")
public record TracebackInput(
        @Schema(description = "Calling number (caller id); E.164, or a 10-digit North American number",
                example = "+12025550143", requiredMode = Schema.RequiredMode.REQUIRED) String callingNumber,
        @Schema(description = "Called number; E.164, or a 10-digit North American number",
                example = "+13125550178", requiredMode = Schema.RequiredMode.REQUIRED) String calledNumber,
        @Schema(description = "When the call was made, ISO-8601 in UTC; not in the future, at most 18 months ago",
                format = "date-time", example = "2026-11-20T15:04:05Z",
                requiredMode = Schema.RequiredMode.REQUIRED) String callTime,
        @Schema(description = "Campaign the call belongs to, up to 200 characters", example = "SSA impersonation")
        String campaign,
        @Schema(description = "STIR/SHAKEN attestation", allowableValues = {"A", "B", "C"}) String attestation,
        @Schema(description = "STIR/SHAKEN origination id (origid), up to 64 characters, usually a UUID",
                example = "9a3f7c2e-5b1d-4e8a-b6f0-0c2d4e6f8a1b") String originationId,
        @Schema(description = "Id of the registered provider that terminated the call: hop 1 asks it",
                format = "uuid", requiredMode = Schema.RequiredMode.REQUIRED) String terminatingProviderId,
        @Schema(description = "Priority; normal when not given", allowableValues = {"normal", "urgent"},
                defaultValue = "normal") String priority) {

    /** An empty form: normal priority. */
    public static TracebackInput blank() {
        return new TracebackInput(null, null, null, null, null, null, null, "normal");
    }
}
