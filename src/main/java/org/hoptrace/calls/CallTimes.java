package org.hoptrace.calls;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Call times. Hoptrace's layout: ISO-8601 with Z or an offset ({@code 2026-03-01T14:05:00Z}), strictly.
 * Complaint data has dates and times without a zone in several spellings ({@code 2021-02-10},
 * {@code 02/10/2021}, {@code 2021-02-10T00:00:00.000}, {@code 10:15 a.m.}, {@code 22:15:30}); they are
 * taken as UTC, since the files do not say.
 */
final class CallTimes {

    private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[T ](.*))?");
    private static final Pattern US_DATE = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{4})(?:[T ](.*))?");
    private static final Pattern TIME = Pattern.compile(
            "(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:\\.\\d+)?)?\\s*(?:([aApP])\\.?\\s*[mM]\\.?)?\\s*(?:Z|[+-]00:?00)?");

    private CallTimes() {
    }

    /** A strict ISO-8601 instant; the message says what is wrong. */
    static Instant iso(String text) {
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text.strip() + "' is not an ISO-8601 time with Z or an offset "
                    + "(e.g. 2026-03-01T14:05:00Z)");
        }
    }

    /** A complaint's date (with or without a time) and an optional separate time, as UTC. */
    static Instant complaint(String date, String time) {
        String given = date.strip();
        Matcher iso = ISO_DATE.matcher(given);
        Matcher us = US_DATE.matcher(given);
        LocalDate day;
        String rest;
        try {
            if (iso.matches()) {
                day = LocalDate.of(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)), Integer.parseInt(iso.group(3)));
                rest = iso.group(4);
            } else if (us.matches()) {
                day = LocalDate.of(Integer.parseInt(us.group(3)), Integer.parseInt(us.group(1)), Integer.parseInt(us.group(2)));
                rest = us.group(4);
            } else {
                throw new IllegalArgumentException("'" + given + "' is not a date (2021-02-10 or 02/10/2021)");
            }
        } catch (java.time.DateTimeException e) {
            throw new IllegalArgumentException("'" + given + "' is not a date: " + e.getMessage());
        }
        String clock = time != null && !time.isBlank() ? time : rest;
        LocalTime at = clock == null || clock.isBlank() ? LocalTime.MIDNIGHT : timeOfDay(clock);
        return day.atTime(at).toInstant(ZoneOffset.UTC);
    }

    private static LocalTime timeOfDay(String text) {
        Matcher m = TIME.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text.strip() + "' is not a time of day (10:15, 10:15 a.m., 22:15:30)");
        }
        int hour = Integer.parseInt(m.group(1));
        int minute = Integer.parseInt(m.group(2));
        int second = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
        if (m.group(4) != null) {
            if (hour < 1 || hour > 12) {
                throw new IllegalArgumentException("'" + text.strip() + "' is not a time of day: hours 1 to 12 with a.m./p.m.");
            }
            boolean pm = Character.toLowerCase(m.group(4).charAt(0)) == 'p';
            hour = hour % 12 + (pm ? 12 : 0);
        }
        if (hour > 23 || minute > 59 || second > 59) {
            throw new IllegalArgumentException("'" + text.strip() + "' is not a time of day");
        }
        return LocalTime.of(hour, minute, second);
    }
}
