package org.hoptrace.provider;

import java.util.List;
import java.util.UUID;

/**
 * What a CSV import did: how many rows were imported, each of them, each rejected row with its line
 * and reasons, and the header's columns that were ignored. Line numbers count the header as line 1.
 */
public record ImportReport(int accepted, List<Imported> imported, List<Rejected> rejected, List<String> ignoredColumns) {

    public ImportReport {
        imported = List.copyOf(imported);
        rejected = List.copyOf(rejected);
        ignoredColumns = List.copyOf(ignoredColumns);
    }

    /**
     * A row that was imported.
     *
     * @param action                 {@code created}, or {@code updated} (mode upsert, the filer id was registered)
     * @param generatedWebhookSecret the signing secret Hoptrace generated for the row's webhook, shown only here
     */
    public record Imported(int line, UUID providerId, String legalName, String action, String generatedWebhookSecret) {
    }

    /** A row that was not imported, and every reason why. */
    public record Rejected(int line, List<String> reasons) {

        public Rejected {
            reasons = List.copyOf(reasons);
        }
    }
}
