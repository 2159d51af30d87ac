package org.hoptrace.legal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A subpoena, CID, court order or emergency disclosure request from an agency (table legal_request):
 * what the agency asked for, where the process is ({@code step}) and how it ended ({@code outcome}).
 * {@code approvedScopeJson} is the scope the reviewer approved, as stored (JSON), or null.
 */
public record LegalRequest(UUID id, String reference, UUID agencyId, UUID submittedBy, Type type,
                           String issuingAuthority, String caseNumber, LocalDate returnDate, String description,
                           Scope scope, String approvedScopeJson, Status status, String step, String outcome,
                           String outcomeReason, String triage, Instant reviewDueAt, String reviewedBy,
                           String signedOffBy, String processInstanceKey, Instant submittedAt, Instant updatedAt,
                           Instant releasedAt, Instant closedAt) {

    public enum Type {
        SUBPOENA, CID, COURT_ORDER, EMERGENCY_DISCLOSURE;

        public String code() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** The type with this code ({@code court-order}), or null. */
        public static Type ofCode(String code) {
            for (Type type : values()) {
                if (type.code().equals(code)) {
                    return type;
                }
            }
            return null;
        }
    }

    public enum Status {
        OPEN, CLOSED;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** What the agency asks for: numbers (E.164), providers, campaigns, traceback references, a date range. */
    public record Scope(List<String> numbers, List<String> providers, List<String> campaigns, List<String> tracebacks,
                        LocalDate from, LocalDate to) {

        public Scope {
            numbers = numbers == null ? List.of() : List.copyOf(numbers);
            providers = providers == null ? List.of() : List.copyOf(providers);
            campaigns = campaigns == null ? List.of() : List.copyOf(campaigns);
            tracebacks = tracebacks == null ? List.of() : List.copyOf(tracebacks);
        }

        public boolean isEmpty() {
            return numbers.isEmpty() && providers.isEmpty() && campaigns.isEmpty() && tracebacks.isEmpty();
        }
    }

    public boolean isOpen() {
        return status == Status.OPEN;
    }

    public boolean isReleased() {
        return "released".equals(outcome);
    }

    /** Where the request is, in the agency's words (the process's step names are Hoptrace's). */
    public String statusText() {
        if (!isOpen()) {
            return switch (outcome == null ? "" : outcome) {
                case "released" -> "Closed: response released";
                case "rejected" -> "Closed: rejected";
                case "withdrawn" -> "Closed: withdrawn";
                case "abandoned" -> "Closed: no answer to our question";
                default -> "Closed";
            };
        }
        return switch (step) {
            case "intake", "triage" -> "Received";
            case "review" -> "In legal review";
            case "clarification" -> "Waiting for your answer";
            case "package" -> "Preparing the response";
            case "sign-off" -> "Response awaiting sign-off";
            case "released" -> "Response released";
            default -> "In progress";
        };
    }
}
