package org.hoptrace.legal;

import java.util.UUID;

/**
 * Which legal requests to list; null fields match everything. {@code page} is zero-based.
 *
 * @param text part of the reference, case number or issuing authority, ignoring case
 */
public record LegalRequestFilter(LegalRequest.Status status, String step, UUID agencyId, LegalRequest.Type type,
                                 String text, int page, int size) {

    public LegalRequestFilter {
        page = Math.max(page, 0);
        size = Math.min(Math.max(size, 1), 200);
        text = text == null || text.isBlank() ? null : text.strip();
        step = step == null || step.isBlank() ? null : step.strip();
    }

    /** Every request of one agency, newest first, up to {@code size}. */
    public static LegalRequestFilter ofAgency(UUID agencyId, int page, int size) {
        return new LegalRequestFilter(null, null, agencyId, null, null, page, size);
    }
}
