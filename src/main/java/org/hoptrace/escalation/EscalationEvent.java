package org.hoptrace.escalation;

import java.time.Instant;

/** One line of an escalation's history: a flag joined, a notice sent, a decision, a step. */
public record EscalationEvent(long id, Instant happenedAt, String kind, String detail, String actor) {
}
