package org.hoptrace.calls;

import java.util.List;
import java.util.Map;

/**
 * One row of a batch as read, before it is checked: its place in the batch, where it is (CSV/NDJSON
 * line; for a JSON array also the item's index from 0), its fields by name, and problems found while
 * reading it (bad quoting, not an object, a nested value).
 */
record RawCall(long position, long line, Long index, Map<String, String> fields, List<String> problems) {
}
