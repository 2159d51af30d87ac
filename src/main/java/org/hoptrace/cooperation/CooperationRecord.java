package org.hoptrace.cooperation;

import java.time.Instant;
import java.util.UUID;

/**
 * A provider's cooperation record at one instant: what it did with the traceback requests it got over
 * the last 90 days and the last 12 months, and the status the last assessment gave it. Each count is
 * defined in docs/cooperation.md.
 *
 * @param status                  {@code cooperative}, {@code watch} or {@code non-cooperative}, as last assessed
 * @param statusSince             when the status last changed (null before the first assessment)
 * @param listedNonCooperativeAt  when staff listed it as non-cooperative in an escalation, or null
 */
public record CooperationRecord(UUID providerId, String legalName, String country, String role, String status,
                                Instant statusSince, Instant assessedAt, Instant listedNonCooperativeAt,
                                Window last90Days, Window last12Months) {

    /**
     * The counts over one window, hops requested in (from, to].
     *
     * @param requested      hops requested, without those withdrawn (cancelled before any answer)
     * @param answeredOnTime answered by the deadline
     * @param answeredLate   answered after the deadline
     * @param nonResponsive  deadline passed without an answer on time (late answers included)
     * @param notFound       answers "call not found"
     * @param origin         tracebacks where it said the call came from its own customer
     * @param foreignGateway tracebacks ending at a foreign point of entry where it named the foreign upstream
     * @param insufficient   answers ITG staff marked insufficient
     * @param onTimeRate     answered on time / (answered on time + non-responsive), 0 to 1; null when no hop was due
     */
    public record Window(Instant from, Instant to, long requested, long answeredOnTime, long answeredLate,
                         long nonResponsive, long notFound, long origin, long foreignGateway, long insufficient,
                         Double onTimeRate) {

        static Window of(Instant from, Instant to, long requested, long answeredOnTime, long answeredLate,
                         long nonResponsive, long notFound, long origin, long foreignGateway, long insufficient) {
            long due = answeredOnTime + nonResponsive;
            Double rate = due == 0 ? null : Math.round(answeredOnTime * 10_000.0 / due) / 10_000.0;
            return new Window(from, to, requested, answeredOnTime, answeredLate, nonResponsive, notFound, origin,
                    foreignGateway, insufficient, rate);
        }
    }

    public boolean listedNonCooperative() {
        return listedNonCooperativeAt != null;
    }
}
