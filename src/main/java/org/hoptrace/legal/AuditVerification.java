package org.hoptrace.legal;

import java.util.List;

/**
 * The outcome of checking an audit trail, for people and programs: intact or not, the first entry that
 * does not match and why, and the hash of the last entry (compare it with the last hash of an export:
 * an export cut short before its end has another last hash).
 */
public record AuditVerification(boolean intact, int entries, Integer firstBrokenSeq, String problem, String lastHash,
                                String message) {

    static AuditVerification of(LegalAuditTrail.Verification verification, List<AuditEntry> entries) {
        String lastHash = entries.isEmpty() ? null : entries.get(entries.size() - 1).hash();
        if (verification.intact()) {
            return new AuditVerification(true, verification.entries(), null, null, lastHash,
                    "All " + verification.entries() + " entries are intact"
                            + (lastHash == null ? "." : "; the last entry's hash is " + lastHash + "."));
        }
        String which = entries.stream().filter(e -> e.seq() == verification.firstBrokenSeq()).findFirst()
                .map(e -> " (" + e.action() + " by " + e.actor() + " at " + e.happenedAt() + ")").orElse("");
        return new AuditVerification(false, verification.entries(), verification.firstBrokenSeq(), verification.problem(),
                lastHash, "Entry " + verification.firstBrokenSeq() + which + " " + verification.problem()
                        + ": the trail has been changed there or before it.");
    }
}
