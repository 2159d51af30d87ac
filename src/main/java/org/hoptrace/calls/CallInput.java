package org.hoptrace.calls;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/** A batch being read: its layout, the columns it ignores, and its rows streamed one at a time. */
interface CallInput {

    /** Hoptrace's own layout unless the batch is CSV in a complaint layout. */
    default CallLayout layout() {
        return CallLayout.HOPTRACE;
    }

    /** CSV columns no field of the layout takes (none for JSON). */
    default List<String> ignoredColumns() {
        return List.of();
    }

    /** What the batch calls each field it has (CSV: the column as the header spells it), for the reasons given. */
    default Map<String, String> labels() {
        return Map.of();
    }

    /** Reads every row and hands it to {@code sink}; an {@link UnreadableCallsException} stops the batch. */
    void forEach(CallSink sink) throws IOException;
}
