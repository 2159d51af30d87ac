package org.hoptrace.workflow.embedded;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.hoptrace.workflow.feel.Feel;
import org.operaton.bpm.engine.impl.util.ClockUtil;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the embedded Operaton engine into Hoptrace (the default, {@code hoptrace.engine=embedded}). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "hoptrace.engine", havingValue = "embedded", matchIfMissing = true)
class EmbeddedEngineConfiguration {

    private final Wakeup jobsAvailable = new Wakeup();
    private final Wakeup subscriptionsOpened = new Wakeup();

    @Bean
    Feel feel() {
        return new Feel(() -> ClockUtil.now().toInstant());
    }

    @Bean(FeelExpressions.BEAN_NAME)
    FeelExpressions hoptraceFeel(Feel feel) {
        return new FeelExpressions(feel);
    }

    @Bean
    HoptraceEnginePlugin hoptraceEnginePlugin(ObjectMapper json) {
        return new HoptraceEnginePlugin(json, new WorkAnnouncingParseListener(jobsAvailable, subscriptionsOpened));
    }
}
