package org.hoptrace.calls;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A CSV batch: the header (line 1) picks the layout (or the {@code layout} parameter does), then one row per record. */
final class CsvCallInput implements CallInput {

    private final CsvRecords records;
    private final CallLayout layout;
    private final String[] fieldOfColumn;
    private final List<String> ignored = new ArrayList<>();
    private final Map<String, String> labels = new HashMap<>();

    CsvCallInput(Reader in, CallLayout requested) throws IOException {
        this.records = new CsvRecords(in);
        CsvRecords.Record header = records.next();
        if (header == null || header.isBlank()) {
            throw new UnreadableCallsException("the CSV is empty: line 1 must name the columns");
        }
        if (header.malformed() != null) {
            throw new UnreadableCallsException("line 1 (the header): " + header.malformed());
        }
        List<String> columns = header.fields();
        this.layout = requested != null ? requested : CallLayout.detect(columns).orElseThrow(() -> new UnreadableCallsException(
                "invalid-header", "Unknown CSV layout", "line 1 (the header) matches no layout: Hoptrace's has callTime and "
                + "callingNumber, the FCC complaints' Caller ID Number and Date of Issue, the FTC complaints' Company_Phone_Number "
                + "and Violation_Date (or give layout=hoptrace|fcc|ftc)"));
        this.fieldOfColumn = new String[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            String column = columns.get(i);
            fieldOfColumn[i] = layout.fieldOf(column).orElse(null);
            if (fieldOfColumn[i] == null && !column.isBlank()) {
                ignored.add(column.strip());
            } else if (fieldOfColumn[i] != null) {
                labels.put(fieldOfColumn[i], column.strip());
            }
        }
        List<String> present = java.util.Arrays.stream(fieldOfColumn).filter(java.util.Objects::nonNull).toList();
        for (List<String> oneOf : layout.requiredFields()) {
            if (oneOf.stream().noneMatch(present::contains)) {
                throw new UnreadableCallsException("invalid-header", "Missing column", "line 1 (the header) of a "
                        + layout.code() + " file needs a column " + String.join(" or ", oneOf));
            }
        }
    }

    @Override
    public CallLayout layout() {
        return layout;
    }

    @Override
    public List<String> ignoredColumns() {
        return List.copyOf(ignored);
    }

    @Override
    public Map<String, String> labels() {
        return Map.copyOf(labels);
    }

    @Override
    public void forEach(CallSink sink) throws IOException {
        long position = 0;
        for (CsvRecords.Record record = records.next(); record != null; record = records.next()) {
            if (record.isBlank()) {
                continue;
            }
            position++;
            if (record.malformed() != null) {
                sink.accept(new RawCall(position, record.line(), null, Map.of(), List.of(record.malformed())));
                continue;
            }
            List<String> values = record.fields();
            if (values.size() != fieldOfColumn.length) {
                sink.accept(new RawCall(position, record.line(), null, Map.of(), List.of(
                        "the row has " + values.size() + " fields, the header " + fieldOfColumn.length)));
                continue;
            }
            Map<String, String> fields = new HashMap<>();
            for (int i = 0; i < values.size(); i++) {
                if (fieldOfColumn[i] != null) {
                    fields.put(fieldOfColumn[i], values.get(i));
                }
            }
            sink.accept(new RawCall(position, record.line(), null, fields, List.of()));
        }
    }
}
