package org.hoptrace.provider;

/**
 * Which providers a list shows: {@code text} matches the legal name (contains), the filer id, the
 * RMD number or a contact email (exactly); null criteria match all. Pages count from 0.
 */
public record ProviderFilter(String text, Provider.Role role, String country, Boolean registered, int page, int size) {

    public static final int MAX_SIZE = 100;

    public ProviderFilter {
        text = text == null || text.isBlank() ? null : text.strip();
        country = country == null || country.isBlank() ? null : country.strip().toUpperCase(java.util.Locale.ROOT);
        if (page < 0) {
            throw new IllegalArgumentException("page counts from 0");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size is 1 to " + MAX_SIZE);
        }
    }

    long offset() {
        return (long) page * size;
    }
}
