package org.hoptrace.notify;

import java.util.EnumMap;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.hoptrace.notify.OutboxMessage.Channel;
import org.springframework.stereotype.Component;

/**
 * The outbox on /actuator/prometheus: {@code hoptrace_outbox_pending} (messages waiting, a growing
 * number means a channel is down), {@code hoptrace_outbox_undeliverable} (given up, needs a person),
 * and per channel the counters {@code hoptrace_outbox_delivered_total} and
 * {@code hoptrace_outbox_failed_total} (failed attempts, each retried until max-attempts).
 */
@Component
class OutboxMetrics {

    private final Map<Channel, Counter> delivered = new EnumMap<>(Channel.class);
    private final Map<Channel, Counter> failed = new EnumMap<>(Channel.class);

    OutboxMetrics(MeterRegistry registry, OutboxMessages messages) {
        Gauge.builder("hoptrace.outbox.pending", messages, m -> m.count("pending"))
                .description("Outbox messages waiting for delivery").register(registry);
        Gauge.builder("hoptrace.outbox.undeliverable", messages, m -> m.count("failed"))
                .description("Outbox messages given up after the last attempt").register(registry);
        for (Channel channel : Channel.values()) {
            delivered.put(channel, Counter.builder("hoptrace.outbox.delivered").tag("channel", channel.code())
                    .description("Outbox messages delivered").register(registry));
            failed.put(channel, Counter.builder("hoptrace.outbox.failed").tag("channel", channel.code())
                    .description("Failed delivery attempts of outbox messages").register(registry));
        }
    }

    void delivered(Channel channel) {
        delivered.get(channel).increment();
    }

    void failed(Channel channel) {
        failed.get(channel).increment();
    }
}
