package org.hoptrace.notify;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.springframework.stereotype.Component;

/** Wakes the relay as soon as a transaction that enqueued notices commits, instead of at its next poll. */
@Component
class OutboxSignal {

    private final Semaphore pending = new Semaphore(0);

    void notifyPending() {
        if (pending.availablePermits() == 0) {
            pending.release();
        }
    }

    /** Waits up to {@code millis} for a notification; true if one came. */
    boolean awaitPending(long millis) throws InterruptedException {
        boolean signalled = pending.tryAcquire(millis, TimeUnit.MILLISECONDS);
        pending.drainPermits();
        return signalled;
    }
}
