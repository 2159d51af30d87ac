package org.hoptrace.calls;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
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
        Instant plain = plainUtc(text);
        if (plain != null) {
            return plain;
        }
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text.strip() + "' is not an ISO-8601 time with Z or an offset "
                    + "(e.g. 2026-03-01T14:05:00Z)");
        }
    }

    /**
     * {@code yyyy-MM-ddTHH:mm:ssZ} exactly (what most sources send), read without a formatter; anything else,
     * or a value out of range, gives null and goes the strict way.
     */
    private static Instant plainUtc(String text) {
        if (text.length() != 20 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
                || text.charAt(13) != ':' || text.charAt(16) != ':' || text.charAt(19) != 'Z') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 || minute < 0
                || minute > 59 || second < 0 || second > 59 || day > YearMonth.of(year, month).lengthOfMonth()) {
            return null;
        }
        return LocalDate.of(year, month, day).atTime(hour, minute, second).toInstant(ZoneOffset.UTC);
    }

    /** The number written by the digits from {@code from} to {@code to}, or -1. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
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
