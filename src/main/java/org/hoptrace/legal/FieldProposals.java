package org.hoptrace.legal;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hoptrace.traceback.PhoneNumbers;

/**
 * Fields Hoptrace proposes from a document's text for the reviewer to confirm: case numbers, return
 * dates, phone numbers (E.164), providers of the registry named in it, and date ranges. Each proposal
 * carries the snippet of text it came from. Proposals are suggestions: nothing is taken over unconfirmed.
 */
public final class FieldProposals {

    /** A value found in the text and the text around it. */
    public record Proposal(String value, String snippet) {
    }

    /** A provider of the registry named in the text. */
    public record ProviderProposal(UUID providerId, String name, String snippet) {
    }

    /** A period named in the text (from and to included). */
    public record DateRangeProposal(LocalDate from, LocalDate to, String snippet) {
    }

    /** A provider of the registry, by its legal name. */
    public record KnownProvider(UUID id, String name) {
    }

    static final int MAX_PER_FIELD = 50;
    private static final int SNIPPET_CONTEXT = 50;
    private static final String MONTHS = "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
            + "|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?";
    private static final String DATE = "(?:\\d{4}-\\d{2}-\\d{2}|\\d{1,2}/\\d{1,2}/\\d{4}"
            + "|(?:" + MONTHS + ")\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}"
            + "|\\d{1,2}(?:st|nd|rd|th)?\\s+(?:" + MONTHS + ")\\.?,?\\s+\\d{4})";
    private static final Pattern CASE_NUMBER = Pattern.compile("\\b(?:case|docket|matter|file|cid|civil action"
            + "|subpoena|investigation|reference)\\s*(?:no\\b\\.?|number\\b|num\\b\\.?|#)\\s*:?\\s*"
            + "((?=[a-z0-9:./\\-]*\\d)[a-z0-9][a-z0-9:./\\-]{1,40}[a-z0-9])",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern RETURN_DATE = Pattern.compile("(?:return date|returnable|on or before|no later than"
            + "|(?:produced|returned|provided|respond|response)\\s+by|due(?:\\s+date)?)\\W{0,5}(?:\\w+\\W+){0,6}?(" + DATE + ")",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DATE_RANGE = Pattern.compile("between\\s+(" + DATE + ")\\s+and\\s+(" + DATE + ")"
            + "|(" + DATE + ")\\s*(?:to|through|thru|until|-|\u2013|\u2014)\\s*(" + DATE + ")", Pattern.CASE_INSENSITIVE);
    private static final Pattern PHONE = Pattern.compile("(?<![\\d+])(?:\\+?1[ .\\-]?)?\\(?[2-9]\\d{2}\\)?[ .\\-]?\\d{3}[ .\\-]?\\d{4}"
            + "(?!\\d)|(?<![\\d+])\\+[2-9]\\d{0,2}[ .\\-]?(?:\\d[ .\\-]?){6,13}\\d(?!\\d)");
    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
    private static final Pattern US = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})");
    private static final Pattern MONTH_FIRST = Pattern.compile("([a-z]+)\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DAY_FIRST = Pattern.compile("(\\d{1,2})(?:st|nd|rd|th)?\\s+([a-z]+)\\.?,?\\s+(\\d{4})",
            Pattern.CASE_INSENSITIVE);

    private FieldProposals() {
    }

    /**
     * The proposals found in {@code text}, as stored with the document: {@code caseNumbers}, {@code returnDates}
     * (ISO dates), {@code phoneNumbers} (E.164), {@code providers} and {@code dateRanges}; each a list, at most
     * {@value #MAX_PER_FIELD} per field, in the order they appear, without repeats.
     */
    public static Map<String, Object> find(String text, List<KnownProvider> providers) {
        String flat = text == null ? "" : text.replaceAll("\\s+", " ");
        Map<String, Object> found = new LinkedHashMap<>();
        found.put("caseNumbers", values(flat, CASE_NUMBER, m -> m.group(1).toUpperCase(Locale.ROOT)));
        found.put("returnDates", values(flat, RETURN_DATE, m -> iso(date(m.group(1)))));
        found.put("phoneNumbers", values(flat, PHONE, m -> e164(m.group())));
        found.put("providers", providers(flat, providers));
        found.put("dateRanges", dateRanges(flat));
        return found;
    }

    private static List<Proposal> values(String text, Pattern pattern, Function<Matcher, String> value) {
        List<Proposal> proposals = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find() && proposals.size() < MAX_PER_FIELD) {
            String v = value.apply(m);
            if (v != null && proposals.stream().noneMatch(p -> p.value().equals(v))) {
                proposals.add(new Proposal(v, snippet(text, m.start(), m.end())));
            }
        }
        return proposals;
    }

    private static List<ProviderProposal> providers(String text, List<KnownProvider> known) {
        List<ProviderProposal> proposals = new ArrayList<>();
        for (KnownProvider provider : known) {
            Matcher m = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(provider.name().strip().replaceAll("\\s+", " "))
                    + "(?![\\p{L}\\p{N}])", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(text);
            if (m.find() && proposals.size() < MAX_PER_FIELD) {
                proposals.add(new ProviderProposal(provider.id(), provider.name(), snippet(text, m.start(), m.end())));
            }
        }
        return proposals;
    }

    private static List<DateRangeProposal> dateRanges(String text) {
        List<DateRangeProposal> proposals = new ArrayList<>();
        Matcher m = DATE_RANGE.matcher(text);
        while (m.find() && proposals.size() < MAX_PER_FIELD) {
            LocalDate from = date(m.group(1) != null ? m.group(1) : m.group(3));
            LocalDate to = date(m.group(2) != null ? m.group(2) : m.group(4));
            if (from != null && to != null && !from.isAfter(to)
                    && proposals.stream().noneMatch(p -> p.from().equals(from) && p.to().equals(to))) {
                proposals.add(new DateRangeProposal(from, to, snippet(text, m.start(), m.end())));
            }
        }
        return proposals;
    }

    /** A date as written in English legal documents, or null if it is not a real date. */
    static LocalDate date(String written) {
        try {
            Matcher m;
            if ((m = ISO.matcher(written)).matches()) {
                return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            }
            if ((m = US.matcher(written)).matches()) {
                return LocalDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            }
            if ((m = MONTH_FIRST.matcher(written)).matches()) {
                return LocalDate.of(Integer.parseInt(m.group(3)), month(m.group(1)), Integer.parseInt(m.group(2)));
            }
            if ((m = DAY_FIRST.matcher(written)).matches()) {
                return LocalDate.of(Integer.parseInt(m.group(3)), month(m.group(2)), Integer.parseInt(m.group(1)));
            }
        } catch (DateTimeException | IllegalArgumentException e) {
            return null;
        }
        return null;
    }

    private static Month month(String name) {
        String prefix = name.substring(0, 3).toUpperCase(Locale.ROOT);
        for (Month month : Month.values()) {
            if (month.name().startsWith(prefix)) {
                return month;
            }
        }
        throw new IllegalArgumentException("no month " + name);
    }

    private static String iso(LocalDate date) {
        return date == null ? null : date.toString();
    }

    private static String e164(String written) {
        try {
            return PhoneNumbers.toE164("number", written);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String snippet(String text, int start, int end) {
        int from = Math.max(0, start - SNIPPET_CONTEXT);
        int to = Math.min(text.length(), end + SNIPPET_CONTEXT);
        return (from > 0 ? "\u2026" : "") + text.substring(from, to).strip() + (to < text.length() ? "\u2026" : "");
    }
}
