package org.hoptrace.workflow;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@link Clock} every feature uses for "now": the engine's clock, so that deadlines, lateness
 * and retry times in Hoptrace's tables agree with the engine's timers, also when a test moves the
 * engine clock forward.
 */
@Configuration(proxyBeanMethods = false)
class EngineTime {

    @Bean
    Clock clock(WorkflowEngine engine) {
        return new EngineBackedClock(engine);
    }

    private static final class EngineBackedClock extends Clock {

        private final WorkflowEngine engine;

        EngineBackedClock(WorkflowEngine engine) {
            this.engine = engine;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("Hoptrace keeps time in UTC");
        }

        @Override
        public Instant instant() {
            return engine.clock().now();
        }
    }
}
