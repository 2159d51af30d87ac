package org.hoptrace.notify;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code hoptrace.outbox.*}: how the relay delivers the outbox. See docs/configuration.md.
 *
 * @param enabled        run the relay in this process (several processes may relay the same database)
 * @param pollInterval   how often the idle relay looks for due messages (a commit that enqueues wakes it at once)
 * @param initialBackoff wait after the first failed attempt; each further failure doubles it
 * @param maxBackoff     the longest wait between two attempts
 * @param maxAttempts    attempts before a message is given up (status {@code failed}, logged as an error)
 * @param batchSize      most messages claimed by one round
 * @param deliveryThreads how many messages of a round are delivered at the same time
 * @param webhookTimeout connect and response timeout of a webhook; a claim is held for twice as long
 * @param mailFrom       the From of every email, e.g. {@code Hoptrace <traceback@example.org>}
 */
@Validated
@ConfigurationProperties("hoptrace.outbox")
public record OutboxSettings(@DefaultValue("true") boolean enabled,
                             @DefaultValue("PT5S") @DurationMin(millis = 10) Duration pollInterval,
                             @DefaultValue("PT10S") @DurationMin(millis = 1) Duration initialBackoff,
                             @DefaultValue("PT1H") @DurationMin(millis = 1) Duration maxBackoff,
                             @DefaultValue("12") @Min(1) int maxAttempts,
                             @DefaultValue("50") @Min(1) @Max(1000) int batchSize,
                             @DefaultValue("8") @Min(1) @Max(64) int deliveryThreads,
                             @DefaultValue("PT10S") @DurationMin(millis = 100) Duration webhookTimeout,
                             @DefaultValue("hoptrace@localhost") @NotBlank String mailFrom) {

    public OutboxSettings {
        if (initialBackoff != null && maxBackoff != null && maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("hoptrace.outbox.max-backoff (" + maxBackoff
                    + ") must not be shorter than hoptrace.outbox.initial-backoff (" + initialBackoff + ")");
        }
    }

    /** The wait after {@code failedAttempts} failed attempts: initial back-off, doubled per further failure, capped. */
    Duration backoffAfter(int failedAttempts) {
        Duration delay = initialBackoff;
        for (int i = 1; i < failedAttempts && delay.compareTo(maxBackoff) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxBackoff) > 0 ? maxBackoff : delay;
    }

    /** How long a claimed message is reserved for the relay that claimed it: twice the webhook timeout. */
    Duration lease() {
        return webhookTimeout.multipliedBy(2);
    }
}
