package org.hoptrace.workflow.embedded;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Delivers buffered messages when subscriptions open: woken right after a transaction that may
 * have opened one commits, and in any case every sweep interval. Also purges old messages hourly.
 */
final class MessageDelivery implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MessageDelivery.class);
    private static final Duration SWEEP_INTERVAL = Duration.ofSeconds(1);
    private static final Duration RETENTION = Duration.ofDays(30);

    private final MessageBuffer buffer;
    private final Wakeup subscriptionsOpened;
    private volatile boolean running;
    private Thread thread;

    MessageDelivery(MessageBuffer buffer, Wakeup subscriptionsOpened) {
        this.buffer = buffer;
        this.subscriptionsOpened = subscriptionsOpened;
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::loop, "hoptrace-message-delivery");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        long nextPurge = 0;
        while (running) {
            try {
                subscriptionsOpened.await(SWEEP_INTERVAL);
                int delivered = buffer.deliverPending();
                if (delivered > 0) {
                    log.debug("Delivered {} buffered messages", delivered);
                }
                if (System.currentTimeMillis() > nextPurge) {
                    buffer.purge(RETENTION);
                    nextPurge = System.currentTimeMillis() + Duration.ofHours(1).toMillis();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (running) {
                    log.warn("Delivering buffered messages failed, trying again: {}", e.getMessage());
                }
            }
        }
    }

    void wakeUp() {
        subscriptionsOpened.signal();
    }

    @Override
    public void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return 100;
    }
}
