package org.hoptrace.calls;

import java.util.UUID;

/** No source has this id. */
class UnknownSourceException extends RuntimeException {

    UnknownSourceException(UUID id) {
        super("No data source " + id);
    }

    UnknownSourceException(String message) {
        super(message);
    }

    /** No batch of this source has this id. */
    static final class Batch extends UnknownSourceException {

        Batch(UUID batchId) {
            super("No batch " + batchId + " of this source");
        }
    }
}
