package org.hoptrace.escalation;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code hoptrace.escalation.*}: the non-cooperation escalation (docs/escalation.md).
 *
 * @param curePeriod    how long a warned provider has to answer its waiting hops before staff review it
 * @param staffEmails   ITG staff addresses told when an escalation needs a review
 * @param sweepInterval how often the flag intake looks for flags it was not woken for, and for cured providers
 * @param intake        false switches the flag intake off (flags wait, nothing escalates)
 */
@ConfigurationProperties("hoptrace.escalation")
public record EscalationSettings(@DefaultValue("P14D") Duration curePeriod,
                                 @DefaultValue("itg-staff@hoptrace.example") List<String> staffEmails,
                                 @DefaultValue("PT30S") Duration sweepInterval,
                                 @DefaultValue("true") boolean intake) {

    public EscalationSettings {
        if (curePeriod.isNegative() || curePeriod.isZero()) {
            throw new IllegalArgumentException("hoptrace.escalation.cure-period must be positive, was " + curePeriod);
        }
        if (sweepInterval.toMillis() < 100) {
            throw new IllegalArgumentException("hoptrace.escalation.sweep-interval must be at least 100 ms, was " + sweepInterval);
        }
        if (staffEmails.isEmpty()) {
            throw new IllegalArgumentException("hoptrace.escalation.staff-emails names nobody to review escalations");
        }
    }
}
