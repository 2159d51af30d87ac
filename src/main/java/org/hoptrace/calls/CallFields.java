package org.hoptrace.calls;

import java.util.Locale;

/** The names of a call's fields as Hoptrace's own layout spells them (JSON keys, CSV columns). */
final class CallFields {

    static final String SOURCE_CALL_ID = "sourceCallId";
    static final String CALLING_NUMBER = "callingNumber";
    static final String CALLED_NUMBER = "calledNumber";
    static final String CALL_TIME = "callTime";
    static final String DURATION_SECONDS = "durationSeconds";
    static final String ATTESTATION = "attestation";
    static final String ORIGINATION_ID = "originationId";
    static final String VERDICT = "verdict";
    static final String TRANSCRIPT = "transcript";
    static final String CALLBACK_NUMBER = "callbackNumber";
    static final String CALLED_STATE = "calledState";

    /** Complaint layouts: the parts a call time and a verdict are made of. */
    static final String ISSUE_DATE = "issueDate";
    static final String ISSUE_TIME = "issueTime";
    static final String CREATED_DATE = "createdDate";
    static final String VIOLATION_DATE = "violationDate";
    static final String ROBOCALL = "robocall";

    private CallFields() {
    }

    /** A column or key name reduced to lower-case letters and digits: "Caller ID Number" -> "calleridnumber". */
    static String simplified(String name) {
        StringBuilder out = new StringBuilder(name.length());
        for (char c : name.strip().toLowerCase(Locale.ROOT).toCharArray()) {
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                out.append(c);
            }
        }
        return out.toString();
    }
}
