package org.hoptrace.calls;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A source as staff register it: name, kind, an optional contact email and optionally the registered provider
 * that terminates its calls (automatic tracebacks of its calls start there).
 */
public record SourceDraft(String name, String kind, String contactEmail, UUID terminatingProviderId) {

    /** A source without terminating provider. */
    public SourceDraft(String name, String kind, String contactEmail) {
        this(name, kind, contactEmail, null);
    }

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    /**
     * The fields normalised (trimmed, kind as its code), or {@link InvalidSourceException} naming every bad field.
     * Whether the terminating provider exists is checked by {@link SourceService}.
     */
    SourceDraft validated() {
        Map<String, String> problems = new LinkedHashMap<>();
        String cleanName = blankToNull(name);
        if (cleanName == null) {
            problems.put("name", "required");
        } else if (cleanName.length() > 200) {
            problems.put("name", "at most 200 characters");
        }
        String cleanKind = null;
        if (blankToNull(kind) == null) {
            problems.put("kind", "required: carrier, blocking-app, complaints or other");
        } else {
            try {
                cleanKind = CallSource.Kind.ofCode(kind).code();
            } catch (IllegalArgumentException e) {
                problems.put("kind", e.getMessage());
            }
        }
        String cleanEmail = blankToNull(contactEmail);
        if (cleanEmail != null && (cleanEmail.length() > 254 || !EMAIL.matcher(cleanEmail).matches())) {
            problems.put("contactEmail", "not an email address");
        }
        if (!problems.isEmpty()) {
            throw new InvalidSourceException(problems);
        }
        return new SourceDraft(cleanName, cleanKind, cleanEmail, terminatingProviderId);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
