package org.hoptrace.calls;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** A source as staff register it: name, kind and an optional contact email. */
public record SourceDraft(String name, String kind, String contactEmail) {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    /** The fields normalised (trimmed, kind as its code), or {@link InvalidSourceException} naming every bad field. */
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
        return new SourceDraft(cleanName, cleanKind, cleanEmail);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
