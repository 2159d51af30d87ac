package org.hoptrace.traceback;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;

/**
 * Business days and hours (../shared/DOMAIN.md: a request received outside business hours counts
 * as received at 8:00 on the next business day). Pure calculation, no Spring.
 */
final class BusinessCalendar {

    private final TracebackSettings.BusinessHours hours;

    BusinessCalendar(TracebackSettings.BusinessHours hours) {
        this.hours = hours;
    }

    boolean isBusinessDay(LocalDate day) {
        return hours.days().contains(day.getDayOfWeek()) && !hours.holidays().contains(day);
    }

    /** True when {@code at} falls on a business day between opening and closing time. */
    boolean withinBusinessHours(Instant at) {
        ZonedDateTime local = at.atZone(hours.zone());
        return isBusinessDay(local.toLocalDate())
                && !local.toLocalTime().isBefore(hours.opens())
                && local.toLocalTime().isBefore(hours.closes());
    }

    /**
     * When business next opens after {@code at}: today's opening if {@code at} is before it on a
     * business day, otherwise the opening of the next business day.
     */
    Instant nextOpening(Instant at) {
        ZonedDateTime local = at.atZone(hours.zone());
        LocalDate day = local.toLocalDate();
        if (!(isBusinessDay(day) && local.toLocalTime().isBefore(hours.opens()))) {
            day = day.plusDays(1);
            while (!isBusinessDay(day)) {
                day = day.plusDays(1);
            }
        }
        return day.atTime(hours.opens()).atZone(hours.zone()).toInstant();
    }
}
