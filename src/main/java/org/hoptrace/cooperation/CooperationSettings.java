package org.hoptrace.cooperation;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code hoptrace.cooperation.*} (docs/configuration.md).
 *
 * @param assessmentCron when the nightly assessment runs (Spring cron, UTC; {@code -} switches it off)
 * @param flagCoolOff    after an escalation of a provider closes, how long the assessment does not flag it again
 */
@ConfigurationProperties("hoptrace.cooperation")
record CooperationSettings(@DefaultValue("0 0 2 * * *") String assessmentCron,
                           @DefaultValue("P30D") Duration flagCoolOff) {
}
