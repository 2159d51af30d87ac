package org.hoptrace.traceback;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code hoptrace.traceback.*}: limits of a traceback, the business calendar that hop deadlines
 * count in, and who hears about stalled tracebacks. See docs/configuration.md.
 *
 * @param maxHops        a traceback that would need more hops ends as a dead end
 * @param staffEmails    ITG staff addresses told about non-responsive providers and late answers
 * @param linkValidity   how long a response link works after the hop's deadline (late answers count too)
 * @param businessHours  the calendar: time zone, opening and closing time, business days, holidays
 */
@ConfigurationProperties("hoptrace.traceback")
public record TracebackSettings(@DefaultValue("15") int maxHops,
                                @DefaultValue("itg-staff@hoptrace.example") List<String> staffEmails,
                                @DefaultValue("P30D") Duration linkValidity,
                                @DefaultValue BusinessHours businessHours) {

    public TracebackSettings {
        if (maxHops < 1) {
            throw new IllegalArgumentException("hoptrace.traceback.max-hops must be at least 1, was " + maxHops);
        }
    }

    /**
     * @param zone     where business hours are kept (ITG works on US Eastern time)
     * @param opens    start of a business day: a request outside business hours counts from here
     * @param closes   end of a business day
     * @param days     business days of the week
     * @param holidays days without business, e.g. the US federal holidays
     */
    public record BusinessHours(@DefaultValue("America/New_York") ZoneId zone,
                                @DefaultValue("08:00") LocalTime opens,
                                @DefaultValue("18:00") LocalTime closes,
                                @DefaultValue({"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"}) Set<DayOfWeek> days,
                                @DefaultValue List<LocalDate> holidays) {

        public BusinessHours {
            if (!opens.isBefore(closes)) {
                throw new IllegalArgumentException("business hours must open (" + opens + ") before they close (" + closes + ")");
            }
            if (days.isEmpty()) {
                throw new IllegalArgumentException("hoptrace.traceback.business-hours.days names no business day");
            }
        }
    }
}
