package org.hoptrace.legal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.hoptrace.traceback.PhoneNumbers;

/**
 * The scope of a legal request: phone numbers (E.164), provider names, campaigns, traceback references
 * and a date range (either end open). The agency asks for one; the reviewer approves it or a narrower one
 * (stored as JSON in {@code legal_request.approved_scope}).
 */
record ReviewScope(List<String> numbers, List<String> providers, List<String> campaigns, List<String> tracebacks,
                   LocalDate from, LocalDate to) {

    ReviewScope {
        numbers = List.copyOf(Objects.requireNonNullElse(numbers, List.of()));
        providers = List.copyOf(Objects.requireNonNullElse(providers, List.of()));
        campaigns = List.copyOf(Objects.requireNonNullElse(campaigns, List.of()));
        tracebacks = List.copyOf(Objects.requireNonNullElse(tracebacks, List.of()));
    }

    public boolean isEmpty() {
        return numbers.isEmpty() && providers.isEmpty() && campaigns.isEmpty() && tracebacks.isEmpty();
    }

    /** A narrowed scope as the review form gives it: one entry per line, dates as YYYY-MM-DD. */
    static ReviewScope fromForm(String numbers, String providers, String campaigns, String tracebacks, String from,
                                String to) {
        List<String> e164 = new ArrayList<>();
        for (String number : lines(numbers)) {
            e164.add(PhoneNumbers.toE164("phone number", number));
        }
        ReviewScope scope = new ReviewScope(List.copyOf(new LinkedHashSet<>(e164)), lines(providers), lines(campaigns),
                lines(tracebacks).stream().map(t -> t.toUpperCase(Locale.ROOT)).toList(), date("from", from), date("to", to));
        if (scope.from != null && scope.to != null && scope.to.isBefore(scope.from)) {
            throw new IllegalArgumentException("the date range ends (" + scope.to + ") before it starts (" + scope.from + ")");
        }
        return scope;
    }

    /** Why this scope is not within {@code requested}, or null when it is. */
    String notWithin(ReviewScope requested) {
        if (isEmpty() && from == null && to == null) {
            return "the narrowed scope is empty: give at least one number, provider, campaign or traceback";
        }
        String extra = outside("phone number", numbers, requested.numbers)
                + outside("provider", providers, requested.providers)
                + outside("campaign", campaigns, requested.campaigns)
                + outside("traceback", tracebacks, requested.tracebacks);
        if (!extra.isEmpty()) {
            return "a narrowed scope may only keep what the agency asked for:" + extra;
        }
        if (requested.from != null && (from == null || from.isBefore(requested.from))) {
            return "the narrowed date range must start on or after " + requested.from;
        }
        if (requested.to != null && (to == null || to.isAfter(requested.to))) {
            return "the narrowed date range must end on or before " + requested.to;
        }
        return null;
    }

    /** Readable lines for forms, letters and pages. */
    public String summary() {
        List<String> lines = new ArrayList<>();
        add(lines, "Phone numbers", numbers);
        add(lines, "Providers", providers);
        add(lines, "Campaigns", campaigns);
        add(lines, "Tracebacks", tracebacks);
        lines.add("Dates: " + (from == null ? "any" : from) + " to " + (to == null ? "any" : to));
        return String.join("\n", lines);
    }

    private static void add(List<String> lines, String label, List<String> values) {
        lines.add(label + ": " + (values.isEmpty() ? "none" : String.join(", ", values)));
    }

    private static String outside(String what, List<String> narrowed, List<String> requested) {
        List<String> lower = requested.stream().map(v -> v.toLowerCase(Locale.ROOT)).toList();
        List<String> extra = narrowed.stream().filter(v -> !lower.contains(v.toLowerCase(Locale.ROOT))).toList();
        return extra.isEmpty() ? "" : " " + what + (extra.size() > 1 ? "s " : " ") + String.join(", ", extra) + " not requested;";
    }

    static String text(List<String> values) {
        return String.join("\n", values);
    }

    private static List<String> lines(String text) {
        if (text == null) {
            return List.of();
        }
        return List.copyOf(new LinkedHashSet<>(Arrays.stream(text.split("[\\r\\n]+")).map(String::strip)
                .filter(s -> !s.isEmpty()).toList()));
    }

    private static LocalDate date(String what, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("the '" + what + "' date '" + text.strip() + "' is not a date (YYYY-MM-DD)");
        }
    }
}
