package org.hoptrace.campaign;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CampaignSettings.class)
class CampaignConfiguration {
}
