package org.hoptrace.legal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.swagger.v3.oas.annotations.media.Schema;
import org.hoptrace.traceback.PhoneNumbers;

/**
 * A legal request as an agency submits it (API JSON, or the portal form), before it is checked.
 * {@link #validate} names every field that breaks a rule: {@code type}, {@code issuingAuthority},
 * {@code caseNumber}, {@code returnDate}, {@code description}, {@code scope}, {@code scope.numbers[2]},
 * {@code scope.providers}, {@code scope.campaigns}, {@code scope.tracebacks[0]}, {@code scope.from}, {@code scope.to}.
 */
@Schema(description = "A subpoena, CID, court order or emergency disclosure request")
public record AgencyRequestDraft(
        @Schema(description = "subpoena, cid, court-order or emergency-disclosure", example = "subpoena") String type,
        @Schema(description = "Who issued it", example = "Office of the Illinois Attorney General") String issuingAuthority,
        @Schema(example = "2026-CID-0042") String caseNumber,
        @Schema(description = "ISO date the response is due, not in the past", example = "2026-12-31") String returnDate,
        String description,
        ScopeDraft scope) {

    static final int MAX_ENTRIES = 500;

    /** What is asked for; at least one number, provider, campaign or traceback. Dates are ISO (2026-11-01). */
    public record ScopeDraft(@Schema(description = "Phone numbers; North American ones may omit +1") List<String> numbers,
                             List<String> providers, List<String> campaigns,
                             @Schema(description = "Traceback references", example = "[\"TB-2026-000123\"]") List<String> tracebacks,
                             String from, String to) {
    }

    /** A draft that passed {@link #validate}: trimmed, numbers in E.164, dates parsed. */
    record Valid(LegalRequest.Type type, String issuingAuthority, String caseNumber, LocalDate returnDate,
                 String description, LegalRequest.Scope scope) {
    }

    /** @throws InvalidAgencyInputException naming each field that breaks a rule */
    Valid validate(LocalDate today) {
        Map<String, String> problems = new LinkedHashMap<>();
        LegalRequest.Type requestType = LegalRequest.Type.ofCode(trim(type) == null ? null : trim(type).toLowerCase());
        if (requestType == null) {
            problems.put("type", "choose subpoena, cid, court-order or emergency-disclosure");
        }
        String authority = trim(issuingAuthority);
        if (authority == null || authority.length() > 300) {
            problems.put("issuingAuthority", "name the issuing authority, at most 300 characters");
        }
        String caseNo = trim(caseNumber);
        if (caseNo != null && caseNo.length() > 100) {
            problems.put("caseNumber", "at most 100 characters");
        }
        LocalDate due = date(returnDate, "returnDate", problems);
        if (due != null && due.isBefore(today)) {
            problems.put("returnDate", "the return date " + due + " is in the past");
        }
        String text = trim(description);
        if (text != null && text.length() > 10_000) {
            problems.put("description", "at most 10000 characters");
        }
        ScopeDraft given = scope == null ? new ScopeDraft(null, null, null, null, null, null) : scope;
        List<String> numbers = new ArrayList<>();
        List<String> writtenNumbers = entries(given.numbers());
        for (int i = 0; i < writtenNumbers.size(); i++) {
            try {
                numbers.add(PhoneNumbers.toE164("number", writtenNumbers.get(i)));
            } catch (IllegalArgumentException e) {
                problems.put("scope.numbers[" + i + "]", e.getMessage());
            }
        }
        List<String> providers = entries(given.providers());
        List<String> campaigns = entries(given.campaigns());
        List<String> tracebacks = new ArrayList<>();
        List<String> writtenTracebacks = entries(given.tracebacks());
        for (int i = 0; i < writtenTracebacks.size(); i++) {
            String reference = writtenTracebacks.get(i).toUpperCase();
            if (!reference.matches("TB-[0-9]{4}-[0-9]{6}")) {
                problems.put("scope.tracebacks[" + i + "]", "'" + writtenTracebacks.get(i)
                        + "' is not a traceback reference like TB-2026-000123");
            }
            tracebacks.add(reference);
        }
        limit("scope.numbers", writtenNumbers, problems);
        limit("scope.providers", providers, problems);
        limit("scope.campaigns", campaigns, problems);
        limit("scope.tracebacks", writtenTracebacks, problems);
        if (writtenNumbers.isEmpty() && providers.isEmpty() && campaigns.isEmpty() && writtenTracebacks.isEmpty()) {
            problems.put("scope", "name at least one phone number, provider, campaign or traceback");
        }
        LocalDate from = date(given.from(), "scope.from", problems);
        LocalDate to = date(given.to(), "scope.to", problems);
        if (from != null && to != null && to.isBefore(from)) {
            problems.put("scope.to", "the range ends (" + to + ") before it starts (" + from + ")");
        }
        if (!problems.isEmpty()) {
            throw new InvalidAgencyInputException(problems);
        }
        return new Valid(requestType, authority, caseNo, due, text, new LegalRequest.Scope(
                numbers.stream().distinct().toList(), providers, campaigns, tracebacks.stream().distinct().toList(), from, to));
    }

    private static void limit(String field, List<String> values, Map<String, String> problems) {
        if (values.size() > MAX_ENTRIES) {
            problems.put(field, "at most " + MAX_ENTRIES + " entries");
        } else if (values.stream().anyMatch(value -> value.length() > 200)) {
            problems.putIfAbsent(field, "each entry at most 200 characters");
        }
    }

    private static List<String> entries(List<String> values) {
        return values == null ? List.of()
                : values.stream().filter(Objects::nonNull).map(String::strip).filter(v -> !v.isEmpty()).distinct().toList();
    }

    private static LocalDate date(String value, String field, Map<String, String> problems) {
        String given = trim(value);
        if (given == null) {
            return null;
        }
        try {
            return LocalDate.parse(given);
        } catch (DateTimeParseException e) {
            problems.put(field, "'" + given + "' is not a date like 2026-12-31");
            return null;
        }
    }

    private static String trim(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
