package org.hoptrace.traceback;

import java.time.Instant;
import java.util.UUID;

/**
 * One traceback in the list: the call, its state, and where it stands now (the current, i.e. last,
 * hop: its provider and deadline). Status, outcome and priority are their codes ({@code open}, ...).
 */
public record TracebackRow(UUID id, String reference, String callingNumber, String calledNumber, Instant callTime,
                           String campaign, String priority, String status, String outcome, int hopCount,
                           Integer currentHopNumber, String currentHopStatus, ProviderRef currentProvider,
                           Instant currentDeadline, boolean overdue, Instant createdAt) {
}
