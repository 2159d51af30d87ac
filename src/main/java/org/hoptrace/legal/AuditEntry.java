package org.hoptrace.legal;

import java.time.Instant;
import java.util.UUID;

/** One entry of a legal request's audit trail: who did what, when, chained to the entry before it. */
public record AuditEntry(UUID legalRequestId, int seq, Instant happenedAt, String actor, ActorKind actorKind,
                         String action, String detail, String previousHash, String hash) {

    /** Who acted: a user of the agency portal, Hoptrace staff (reviewers, supervisors) or Hoptrace itself. */
    public enum ActorKind {
        AGENCY, STAFF, SYSTEM;

        public String code() {
            return name().toLowerCase();
        }

        static ActorKind of(String code) {
            return valueOf(code.toUpperCase());
        }
    }
}
