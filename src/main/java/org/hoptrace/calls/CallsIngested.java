package org.hoptrace.calls;

import java.util.UUID;

/**
 * Published (Spring application event, after the commit) when a batch of calls from a source was
 * stored: campaign detection picks the new calls up.
 */
public record CallsIngested(UUID sourceId, long accepted) {
}
