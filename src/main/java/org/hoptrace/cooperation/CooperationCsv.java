package org.hoptrace.cooperation;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Cooperation records as CSV (RFC 4180, UTF-8, header row): one line per provider, both windows.
 * A cell that a spreadsheet would run as a formula (starting with =, +, -, @) is prefixed with '.
 */
final class CooperationCsv {

    private static final List<String> WINDOW_COLUMNS = List.of("requested", "answered_on_time", "answered_late",
            "non_responsive", "not_found", "origin", "foreign_gateway", "insufficient", "on_time_rate");

    private CooperationCsv() {
    }

    static String of(List<CooperationRecord> records) {
        StringBuilder csv = new StringBuilder();
        line(csv, Stream.concat(Stream.of("provider_id", "legal_name", "country", "role", "status", "status_since",
                        "assessed_at", "listed_non_cooperative_at", "window_end"),
                Stream.concat(WINDOW_COLUMNS.stream().map(c -> c + "_90d"), WINDOW_COLUMNS.stream().map(c -> c + "_12m")))
                .toList());
        for (CooperationRecord r : records) {
            line(csv, Stream.concat(Stream.of(r.providerId().toString(), r.legalName(), r.country(), r.role(), r.status(),
                            text(r.statusSince()), text(r.assessedAt()), text(r.listedNonCooperativeAt()),
                            text(r.last90Days().to())),
                    Stream.concat(cells(r.last90Days()), cells(r.last12Months()))).toList());
        }
        return csv.toString();
    }

    private static Stream<String> cells(CooperationRecord.Window w) {
        return Stream.of(String.valueOf(w.requested()), String.valueOf(w.answeredOnTime()),
                String.valueOf(w.answeredLate()), String.valueOf(w.nonResponsive()), String.valueOf(w.notFound()),
                String.valueOf(w.origin()), String.valueOf(w.foreignGateway()), String.valueOf(w.insufficient()),
                w.onTimeRate() == null ? "" : String.valueOf(w.onTimeRate()));
    }

    private static String text(Instant instant) {
        return instant == null ? "" : instant.toString();
    }

    private static void line(StringBuilder csv, List<String> cells) {
        csv.append(cells.stream().map(CooperationCsv::cell).collect(Collectors.joining(","))).append("\r\n");
    }

    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String safe = "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }
}
