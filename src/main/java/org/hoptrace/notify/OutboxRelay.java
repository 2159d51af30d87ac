package org.hoptrace.notify;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Delivers what {@link Outbox} enqueues: emails through SMTP, signed webhooks over HTTP. A
 * background thread runs a round whenever a commit enqueued something and at least every poll
 * interval. A round claims the due messages in a short transaction (a lease in {@code next_attempt_at},
 * so relays in other processes skip them), attempts each outside any transaction, several at a time
 * (delivery-threads), and records the
 * outcome: sent, or a failed attempt retried after an exponential back-off, given up after
 * max-attempts. A relay that dies mid-round leaves its messages to be claimed again when the lease ends.
 * Starts last and stops first of the application's lifecycle beans; stopping lets the attempt in
 * flight finish and gives the rest of the round back.
 */
@Component
public class OutboxRelay implements SmartLifecycle, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final int MAX_ERROR_LENGTH = 1000;

    private final OutboxMessages messages;
    private final EmailDelivery emails;
    private final WebhookDelivery webhooks;
    private final OutboxMetrics metrics;
    private final OutboxSignal signal;
    private final OutboxSettings settings;
    private final Clock clock;
    private final ReentrantLock rounds = new ReentrantLock();
    private final ExecutorService deliverers;
    private volatile boolean running;
    private volatile Thread thread;

    OutboxRelay(OutboxMessages messages, EmailDelivery emails, WebhookDelivery webhooks, OutboxMetrics metrics,
                OutboxSignal signal, OutboxSettings settings, Clock clock) {
        this.messages = messages;
        this.emails = emails;
        this.webhooks = webhooks;
        this.metrics = metrics;
        this.signal = signal;
        this.settings = settings;
        this.clock = clock;
        AtomicInteger threads = new AtomicInteger();
        this.deliverers = Executors.newFixedThreadPool(settings.deliveryThreads(), runnable -> {
            Thread thread = new Thread(runnable, "outbox-delivery-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public void destroy() {
        deliverers.shutdownNow();
    }

    /**
     * Runs one round now, in the calling thread, and returns how many messages it delivered. Rounds
     * of one relay run one at a time, so when this returns every message due when it was called has
     * been attempted (up to batch-size of them), by this round or the background thread's.
     */
    public int deliverDue() {
        return round(() -> true).delivered();
    }

    private record Round(int claimed, int delivered) {
    }

    /**
     * Claims up to batch-size due messages and delivers them, delivery-threads at a time; returns when
     * each has been attempted (or, when {@code keepGoing} turns false, given back unattempted).
     */
    private Round round(BooleanSupplier keepGoing) {
        rounds.lock();
        try {
            Instant now = clock.instant();
            List<OutboxMessage> claimed = messages.claimDue(now, now.plus(settings.lease()), settings.batchSize());
            List<Future<Boolean>> attempts = new ArrayList<>(claimed.size());
            for (OutboxMessage message : claimed) {
                attempts.add(deliverers.submit(() -> {
                    if (!keepGoing.getAsBoolean() || Thread.currentThread().isInterrupted()) {
                        messages.release(message, clock.instant());
                        return false;
                    }
                    return attempt(message);
                }));
            }
            int delivered = 0;
            for (Future<Boolean> attempt : attempts) {
                try {
                    if (attempt.get()) {
                        delivered++;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    attempts.forEach(pending -> pending.cancel(true));
                    break;
                } catch (ExecutionException e) {
                    log.warn("Outbox delivery failed unexpectedly: {}", e.getCause().toString());
                }
            }
            return new Round(claimed.size(), delivered);
        } finally {
            rounds.unlock();
        }
    }

    private boolean attempt(OutboxMessage claimed) {
        OutboxMessage message = claimed.heldUntil(clock.instant().plus(settings.lease()));
        if (!messages.hold(claimed, message.heldUntil())) {
            log.info("Outbox {} was claimed by another relay meanwhile", message);
            return false;
        }
        try {
            switch (message.channel()) {
                case EMAIL -> emails.send(message);
                case WEBHOOK -> webhooks.post(message);
            }
        } catch (DeliveryFailedException e) {
            failed(message, e.getMessage(), e.rejected());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (RuntimeException e) {
            failed(message, e.toString(), false);
            return false;
        }
        if (messages.markSent(message, clock.instant())) {
            log.debug("Outbox {} delivered to {}", message, message.recipient());
        } else {
            log.warn("Outbox {} was delivered, but its claim had run out: another relay may deliver it again",
                    message);
        }
        metrics.delivered(message.channel());
        return true;
    }

    private void failed(OutboxMessage message, String error, boolean rejected) {
        int attempts = message.attempts() + 1;
        boolean giveUp = attempts >= settings.maxAttempts();
        Instant now = clock.instant();
        Instant next = giveUp ? now : now.plus(settings.backoffAfter(attempts));
        String reason = error == null ? "unknown error" : error.replaceAll("\\s+", " ").strip();
        if (!messages.markFailed(message, truncate(reason), next, giveUp)) {
            log.warn("Outbox {} failed ({}), and its claim had run out meanwhile", message, reason);
            return;
        }
        metrics.failed(message.channel());
        if (giveUp) {
            log.error("Outbox {} to {} GIVEN UP after {} attempts; it stays in outbox_message with status 'failed'."
                    + " Last error: {}", message, message.recipient(), attempts, reason);
        } else if (rejected) {
            log.warn("Outbox {} to {} was REJECTED by the receiver ({}): check the address, URL or secret."
                    + " Attempt {} of {}, next at {}", message, message.recipient(), reason, attempts,
                    settings.maxAttempts(), next);
        } else {
            log.warn("Outbox {} to {} failed (attempt {} of {}, next at {}): {}", message, message.recipient(),
                    attempts, settings.maxAttempts(), next, reason);
        }
    }

    private static String truncate(String error) {
        return error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH - 1) + "…";
    }

    @Override
    public void start() {
        running = true;
        Thread relay = new Thread(this::loop, "outbox-relay");
        relay.setDaemon(true);
        thread = relay;
        relay.start();
    }

    private void loop() {
        long pollMillis = settings.pollInterval().toMillis();
        while (running) {
            try {
                Round round = round(() -> running);
                if (round.claimed() < settings.batchSize()) {
                    signal.awaitPending(pollMillis);
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                log.warn("Outbox relay round failed, trying again within {}: {}", settings.pollInterval(), e.toString());
                try {
                    signal.awaitPending(pollMillis);
                } catch (InterruptedException stopped) {
                    return;
                }
            }
        }
    }

    /** Lets the attempt in flight end (within the webhook timeout) and the rest of the round be given back. */
    @Override
    public void stop() {
        running = false;
        Thread relay = thread;
        if (relay == null) {
            return;
        }
        signal.notifyPending();
        try {
            relay.join(settings.lease().toMillis());
            if (relay.isAlive()) {
                relay.interrupt();
                relay.join(1000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread = null;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public boolean isAutoStartup() {
        return settings.enabled();
    }
}
