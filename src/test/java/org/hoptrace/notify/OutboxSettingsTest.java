package org.hoptrace.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import jakarta.validation.Validation;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

/** {@code hoptrace.outbox.*}: the defaults docs/configuration.md promises, and the back-off they give. */
class OutboxSettingsTest {

    @Test
    void theDefaultsAreTheDocumentedOnes() {
        OutboxSettings settings = bind(Map.of());

        assertThat(settings.enabled()).isTrue();
        assertThat(settings.pollInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.initialBackoff()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.maxBackoff()).isEqualTo(Duration.ofHours(1));
        assertThat(settings.maxAttempts()).isEqualTo(12);
        assertThat(settings.batchSize()).isEqualTo(50);
        assertThat(settings.deliveryThreads()).isEqualTo(8);
        assertThat(settings.webhookTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.mailFrom()).isEqualTo("hoptrace@localhost");
        assertThat(settings.lease()).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void theBackoffDoublesAfterEachFailedAttemptUpToTheMaximum() {
        OutboxSettings settings = bind(Map.of());

        assertThat(settings.backoffAfter(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.backoffAfter(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(settings.backoffAfter(3)).isEqualTo(Duration.ofSeconds(40));
        assertThat(settings.backoffAfter(9)).isEqualTo(Duration.ofSeconds(2560));
        assertThat(settings.backoffAfter(10)).isEqualTo(Duration.ofHours(1));
        assertThat(settings.backoffAfter(11)).isEqualTo(Duration.ofHours(1));
        assertThat(settings.backoffAfter(Integer.MAX_VALUE)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void aMaximumBackoffShorterThanTheInitialOneIsRefused() {
        assertThatThrownBy(() -> bind(Map.of("hoptrace.outbox.initial-backoff", "PT2M", "hoptrace.outbox.max-backoff", "PT1M")))
                .isInstanceOf(BindException.class)
                .rootCause().hasMessageContaining("max-backoff");
    }

    @Test
    void settingsOutsideTheirRangeAreRefusedAtStartUp() {
        for (var invalid : Map.of("max-attempts", "0", "batch-size", "0", "poll-interval", "PT0S",
                "webhook-timeout", "PT0.001S", "mail-from", " ").entrySet()) {
            assertThatThrownBy(() -> bind(Map.of("hoptrace.outbox." + invalid.getKey(), invalid.getValue())))
                    .as(invalid.getKey()).isInstanceOf(BindException.class)
                    .rootCause().isInstanceOf(BindValidationException.class);
        }
    }

    /** Binds and validates as Spring Boot does at start-up. */
    private static OutboxSettings bind(Map<String, String> properties) {
        try (var validation = Validation.buildDefaultValidatorFactory()) {
            return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("hoptrace.outbox",
                    Bindable.of(OutboxSettings.class),
                    new ValidationBindHandler(new SpringValidatorAdapter(validation.getValidator())));
        }
    }
}
