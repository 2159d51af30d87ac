package org.hoptrace.traceback;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * What the tracebacks list shows; every criterion is optional and they all must hold.
 *
 * @param status       open, completed or cancelled
 * @param outcome      how it ended
 * @param campaign     the campaign, ignoring case
 * @param providerId   a provider asked at any hop, or the terminating provider
 * @param providerName part of such a provider's name, ignoring case
 * @param overdue      only open tracebacks with a hop waiting past its deadline
 * @param text         part of the reference, or digits of the calling or called number
 */
public record TracebackFilter(Traceback.Status status, Traceback.Outcome outcome, String campaign, UUID providerId,
                              String providerName, boolean overdue, String text) {

    public static TracebackFilter none() {
        return new TracebackFilter(null, null, null, null, null, false, null);
    }

    /**
     * The filter from request parameters as given (codes such as {@code open}, {@code origin-found});
     * blank means "any".
     *
     * @throws InvalidTracebackRequestException naming each parameter that is not understood
     */
    public static TracebackFilter parse(String status, String outcome, String campaign, String providerId,
                                        String providerName, boolean overdue, String text) {
        Map<String, String> problems = new LinkedHashMap<>();
        Traceback.Status parsedStatus = null;
        if (present(status)) {
            try {
                parsedStatus = Traceback.Status.valueOf(status.strip().toUpperCase());
            } catch (IllegalArgumentException unknown) {
                problems.put("status", "status is open, completed or cancelled");
            }
        }
        Traceback.Outcome parsedOutcome = null;
        if (present(outcome)) {
            try {
                parsedOutcome = Traceback.Outcome.ofCode(outcome.strip());
            } catch (IllegalArgumentException unknown) {
                problems.put("outcome", "outcome is origin-found, foreign-point-of-entry, not-found, non-responsive, "
                        + "dead-end or cancelled");
            }
        }
        UUID parsedProvider = null;
        if (present(providerId)) {
            try {
                parsedProvider = UUID.fromString(providerId.strip());
            } catch (IllegalArgumentException notAUuid) {
                problems.put("providerId", "provider id '%s' is not a provider id (uuid)".formatted(providerId));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidTracebackRequestException(problems);
        }
        return new TracebackFilter(parsedStatus, parsedOutcome, strip(campaign), parsedProvider, strip(providerName),
                overdue, strip(text));
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static String strip(String value) {
        return present(value) ? value.strip() : null;
    }
}
