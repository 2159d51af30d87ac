package org.hoptrace.calls;

/**
 * The body cannot be read as calls at all (not JSON, a CSV header no layout knows, an empty body):
 * the whole batch is refused and nothing is stored. Answered as problem+json 400.
 */
class UnreadableCallsException extends RuntimeException {

    private final String slug;
    private final String title;

    UnreadableCallsException(String slug, String title, String detail) {
        super(detail);
        this.slug = slug;
        this.title = title;
    }

    UnreadableCallsException(String detail) {
        this("unreadable-calls", "Calls cannot be read", detail);
    }

    String slug() {
        return slug;
    }

    String title() {
        return title;
    }
}
