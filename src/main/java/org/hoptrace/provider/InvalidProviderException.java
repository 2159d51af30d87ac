package org.hoptrace.provider;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A provider draft that breaks the registry's rules: the problems by field, as {@link ProviderDraft#problems()}. */
public class InvalidProviderException extends RuntimeException {

    private final Map<String, String> problems;

    public InvalidProviderException(Map<String, String> problems) {
        super("invalid provider: " + problems);
        this.problems = Collections.unmodifiableMap(new LinkedHashMap<>(problems));
    }

    public Map<String, String> problems() {
        return problems;
    }
}
