package org.hoptrace.cooperation;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The cooperation feature's settings and the schedule of the nightly assessment. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(CooperationSettings.class)
class CooperationConfiguration {
}
