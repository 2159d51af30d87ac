package org.hoptrace.calls;

import static org.hoptrace.calls.CallFields.*;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The column layouts a batch of calls may have (docs/calls.md): Hoptrace's own, the FCC's unwanted-call
 * complaints and the FTC's Do-Not-Call complaints. Each maps column names (compared as lower-case letters
 * and digits, so "Caller ID Number", "caller_id_number" and "CallerIdNumber" are one column) to fields.
 */
enum CallLayout {

    HOPTRACE("hoptrace", Map.ofEntries(
            Map.entry("sourcecallid", SOURCE_CALL_ID), Map.entry("callingnumber", CALLING_NUMBER),
            Map.entry("callednumber", CALLED_NUMBER), Map.entry("calltime", CALL_TIME),
            Map.entry("durationseconds", DURATION_SECONDS), Map.entry("attestation", ATTESTATION),
            Map.entry("originationid", ORIGINATION_ID), Map.entry("verdict", VERDICT),
            Map.entry("transcript", TRANSCRIPT), Map.entry("callbacknumber", CALLBACK_NUMBER),
            Map.entry("calledstate", CALLED_STATE)),
            List.of(List.of(CALL_TIME))),

    FCC("fcc", Map.ofEntries(
            Map.entry("ticketid", SOURCE_CALL_ID), Map.entry("dateofissue", ISSUE_DATE), Map.entry("issuedate", ISSUE_DATE),
            Map.entry("timeofissue", ISSUE_TIME), Map.entry("issuetime", ISSUE_TIME),
            Map.entry("calleridnumber", CALLING_NUMBER),
            Map.entry("typeofcallormessge", VERDICT), Map.entry("typeofcallormessage", VERDICT), Map.entry("typeofcall", VERDICT),
            Map.entry("advertiserbusinessphonenumber", CALLBACK_NUMBER), Map.entry("advertisernumber", CALLBACK_NUMBER),
            Map.entry("advertiserphonenumber", CALLBACK_NUMBER), Map.entry("state", CALLED_STATE)),
            List.of(List.of(ISSUE_DATE))),

    FTC("ftc", Map.ofEntries(
            Map.entry("companyphonenumber", CALLING_NUMBER), Map.entry("createddate", CREATED_DATE),
            Map.entry("violationdate", VIOLATION_DATE), Map.entry("consumerstate", CALLED_STATE),
            Map.entry("subject", VERDICT), Map.entry("recordedmessageorrobocall", ROBOCALL)),
            List.of(List.of(CALLING_NUMBER), List.of(VIOLATION_DATE, CREATED_DATE)));

    private final String code;
    private final Map<String, String> columns;
    private final List<List<String>> required;

    CallLayout(String code, Map<String, String> columns, List<List<String>> required) {
        this.code = code;
        this.columns = columns;
        this.required = required;
    }

    String code() {
        return code;
    }

    /** The field a column holds, if this layout knows the column. */
    Optional<String> fieldOf(String column) {
        return Optional.ofNullable(columns.get(CallFields.simplified(column)));
    }

    /** The fields this layout needs a column for: one of each group. */
    List<List<String>> requiredFields() {
        return required;
    }

    boolean isComplaints() {
        return this != HOPTRACE;
    }

    /** The layout named by a {@code layout} parameter (hoptrace, fcc, ftc). */
    static CallLayout ofCode(String code) {
        for (CallLayout layout : values()) {
            if (layout.code.equals(code.strip().toLowerCase(Locale.ROOT))) {
                return layout;
            }
        }
        throw new UnreadableCallsException("invalid-layout", "Unknown layout",
                "layout '" + code + "' is not one of hoptrace, fcc, ftc");
    }

    /** The layout a CSV header shows: the one that knows the most of its columns, if it knows a typical one. */
    static Optional<CallLayout> detect(Collection<String> header) {
        List<String> simplified = header.stream().map(CallFields::simplified).toList();
        if (simplified.contains("calltime") || simplified.contains("callingnumber")) {
            return Optional.of(HOPTRACE);
        }
        if (simplified.contains("calleridnumber") || simplified.contains("dateofissue") || simplified.contains("issuedate")) {
            return Optional.of(FCC);
        }
        if (simplified.contains("companyphonenumber") || simplified.contains("violationdate")) {
            return Optional.of(FTC);
        }
        return Optional.empty();
    }
}
