package org.hoptrace.calls;

import java.time.Instant;
import java.util.UUID;

/** A batch a source sent (or staff uploaded for it), as recorded in {@code call_batch}. */
public record CallBatch(UUID id, UUID sourceId, Instant receivedAt, String channel, String receivedBy, String format,
                        String layout, long received, long accepted, long duplicates, long rejected) {
}
