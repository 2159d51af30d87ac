package org.hoptrace.traceback;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.hoptrace.provider.ProviderRepository;
import org.springframework.stereotype.Service;

/**
 * Checks a traceback as staff or an API client gave it, field by field, and opens it. Numbers are
 * normalised to E.164 ({@link PhoneNumbers}); the call time must lie in the past, within the 18 months
 * carriers keep call records for (47 CFR 42.6); the terminating provider must be in the registry.
 */
@Service
class OpeningTraceback {

    /** Clocks of API clients run a little ahead of ours; a call time this far "in the future" is accepted. */
    static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(2);
    static final int MAX_CALL_AGE_MONTHS = 18;

    private final TracebackService service;
    private final ProviderRepository providers;
    private final Clock clock;

    OpeningTraceback(TracebackService service, ProviderRepository providers, Clock clock) {
        this.service = service;
        this.providers = providers;
        this.clock = clock;
    }

    /** @throws InvalidTracebackRequestException listing every invalid field */
    public Traceback open(TracebackInput input, String createdBy) {
        return service.open(check(input), createdBy);
    }

    NewTraceback check(TracebackInput input) {
        Map<String, String> problems = new LinkedHashMap<>();
        String calling = number(problems, "callingNumber", "calling number", input.callingNumber());
        String called = number(problems, "calledNumber", "called number", input.calledNumber());
        Instant callTime = callTime(problems, input.callTime());
        String campaign = text(problems, "campaign", "campaign", input.campaign(), 200);
        String attestation = blankToNull(input.attestation());
        if (attestation != null) {
            attestation = attestation.toUpperCase(Locale.ROOT);
            if (!attestation.matches("[ABC]")) {
                problems.put("attestation", "attestation is A, B or C");
            }
        }
        String originationId = text(problems, "originationId", "origination id", input.originationId(), 64);
        UUID provider = provider(problems, input.terminatingProviderId());
        Traceback.Priority priority = priority(problems, input.priority());
        if (!problems.isEmpty()) {
            throw new InvalidTracebackRequestException(problems);
        }
        return new NewTraceback(calling, called, callTime, campaign, attestation, originationId, provider, priority);
    }

    private static String number(Map<String, String> problems, String field, String what, String written) {
        try {
            return PhoneNumbers.toE164(what, written);
        } catch (IllegalArgumentException invalid) {
            problems.put(field, invalid.getMessage());
            return null;
        }
    }

    private Instant callTime(Map<String, String> problems, String written) {
        if (blankToNull(written) == null) {
            problems.put("callTime", "call time is required");
            return null;
        }
        Instant time = parseUtc(written.strip());
        Instant now = clock.instant();
        if (time == null) {
            problems.put("callTime", "call time '%s' is not an ISO-8601 time such as 2026-11-20T15:04:05Z".formatted(written));
        } else if (time.isAfter(now.plus(CLOCK_TOLERANCE))) {
            problems.put("callTime", "call time %s is in the future (now is %s)".formatted(time, now));
        } else if (time.isBefore(now.atOffset(ZoneOffset.UTC).minusMonths(MAX_CALL_AGE_MONTHS).toInstant())) {
            problems.put("callTime", "call time %s is more than %d months ago; carriers keep call records for %d months"
                    .formatted(time, MAX_CALL_AGE_MONTHS, MAX_CALL_AGE_MONTHS));
        }
        return time;
    }

    /** An ISO-8601 time with an offset, or without one, read as UTC (the console's date-time field). */
    static Instant parseUtc(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException withoutOffset) {
            try {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException neither) {
                return null;
            }
        }
    }

    private UUID provider(Map<String, String> problems, String written) {
        String id = blankToNull(written);
        if (id == null) {
            problems.put("terminatingProviderId", "choose the terminating provider");
            return null;
        }
        try {
            UUID uuid = UUID.fromString(id);
            if (providers.find(uuid).isEmpty()) {
                problems.put("terminatingProviderId", "no registered provider has id " + id);
            }
            return uuid;
        } catch (IllegalArgumentException notAUuid) {
            problems.put("terminatingProviderId", "terminating provider id '%s' is not a provider id (uuid)".formatted(id));
            return null;
        }
    }

    private static Traceback.Priority priority(Map<String, String> problems, String written) {
        String priority = blankToNull(written);
        if (priority == null) {
            return Traceback.Priority.NORMAL;
        }
        for (Traceback.Priority known : Traceback.Priority.values()) {
            if (known.code().equalsIgnoreCase(priority)) {
                return known;
            }
        }
        problems.put("priority", "priority is normal or urgent");
        return null;
    }

    private static String text(Map<String, String> problems, String field, String what, String written, int maxLength) {
        String text = blankToNull(written);
        if (text != null && text.length() > maxLength) {
            problems.put(field, "%s has %d characters; at most %d are allowed".formatted(what, text.length(), maxLength));
        }
        return text;
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
