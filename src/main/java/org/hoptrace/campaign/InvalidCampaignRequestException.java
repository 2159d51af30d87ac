package org.hoptrace.campaign;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** A campaign request (filter, change, traceback) with invalid fields: field name to message. */
public class InvalidCampaignRequestException extends RuntimeException {

    private final Map<String, String> fieldProblems;

    public InvalidCampaignRequestException(Map<String, String> fieldProblems) {
        super("invalid fields: " + String.join(", ", fieldProblems.keySet()));
        this.fieldProblems = Collections.unmodifiableMap(new LinkedHashMap<>(fieldProblems));
    }

    public Map<String, String> fieldProblems() {
        return fieldProblems;
    }
}
