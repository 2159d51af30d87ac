package org.hoptrace.notify;

/**
 * A delivery attempt that did not succeed. {@code rejected} says the receiver refused the message
 * itself (e.g. a webhook answered 401 or 404), which a retry will likely not change: the message
 * is still retried, but the log says so plainly.
 */
class DeliveryFailedException extends Exception {

    private final boolean rejected;

    DeliveryFailedException(String reason, boolean rejected, Throwable cause) {
        super(reason, cause);
        this.rejected = rejected;
    }

    DeliveryFailedException(String reason, boolean rejected) {
        this(reason, rejected, null);
    }

    boolean rejected() {
        return rejected;
    }
}
