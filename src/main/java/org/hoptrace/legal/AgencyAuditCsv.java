package org.hoptrace.legal;

import java.util.List;

/**
 * A request's audit trail as CSV for the agency's chain of custody: one row per entry with both hashes,
 * and a last comment line with the result of the verification. (Helper B's {@code AuditExport} may replace it.)
 */
final class AgencyAuditCsv {

    private AgencyAuditCsv() {
    }

    static String of(List<AuditEntry> entries, LegalAuditTrail.Verification verification) {
        StringBuilder csv = new StringBuilder("seq,happened_at,actor,actor_kind,action,detail,previous_hash,hash\r\n");
        for (AuditEntry e : entries) {
            csv.append(e.seq()).append(',').append(e.happenedAt()).append(',').append(quote(e.actor())).append(',')
                    .append(e.actorKind().code()).append(',').append(quote(e.action())).append(',')
                    .append(quote(e.detail())).append(',').append(e.previousHash()).append(',').append(e.hash())
                    .append("\r\n");
        }
        csv.append("# verification: ").append(verification.intact() ? "intact, " + verification.entries() + " entries"
                : "broken at entry " + verification.firstBrokenSeq() + ": " + verification.problem()).append("\r\n");
        return csv.toString();
    }

    private static String quote(String value) {
        // kept exactly as recorded (no formula escaping), so that the hashes can be recomputed from the file
        String text = value == null ? "" : value;
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }
}
