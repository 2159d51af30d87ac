package org.hoptrace.workflow;

/**
 * What became of a published message: its key, whether it was correlated at once, buffered to wait
 * for a subscription, or ignored as a duplicate of an earlier message with the same message id.
 */
public record PublishedMessage(String messageKey, Status status) {

    public enum Status { CORRELATED, BUFFERED, DUPLICATE, EXPIRED }
}
