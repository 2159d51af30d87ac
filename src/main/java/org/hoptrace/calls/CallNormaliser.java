package org.hoptrace.calls;

import static org.hoptrace.calls.CallFields.*;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.hoptrace.traceback.PhoneNumbers;

/**
 * Checks one row and turns it into a {@link NormalisedCall}, or lists every reason it is refused, each
 * as "field: why". A row without a source call id gets one derived from its content (SHA-256 of the
 * normalised fields), so the same row sent again is recognised. One instance per batch (not thread-safe).
 */
final class CallNormaliser {

    static final int MAX_SOURCE_CALL_ID = 100;
    static final int MAX_ORIGINATION_ID = 64;
    static final int MAX_VERDICT = 100;
    static final int MAX_TRANSCRIPT = 20_000;
    static final int MAX_DURATION = 86_400;

    /** The outcome for one row: the call, or the reasons it was refused. */
    record Result(NormalisedCall call, List<String> reasons) {
    }

    private final CallLayout layout;
    private final Map<String, String> labels;
    private final MessageDigest sha256;

    /** @param labels what the batch calls a field (a CSV column as its header spells it); absent: the field's name */
    CallNormaliser(CallLayout layout, Map<String, String> labels) {
        this.layout = layout;
        this.labels = labels;
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    Result normalise(RawCall raw) {
        List<String> reasons = new ArrayList<>(raw.problems());
        if (!reasons.isEmpty()) {
            return new Result(null, reasons);
        }
        Map<String, String> f = raw.fields();
        String callingNumber = number(CALLING_NUMBER, f, reasons);
        String calledNumber = number(CALLED_NUMBER, f, reasons);
        String callbackNumber = number(CALLBACK_NUMBER, f, reasons);
        Instant callTime = callTime(f, reasons);
        Integer duration = duration(text(f, DURATION_SECONDS), reasons);
        String attestation = attestation(text(f, ATTESTATION), reasons);
        String originationId = limited(ORIGINATION_ID, text(f, ORIGINATION_ID), MAX_ORIGINATION_ID, reasons);
        String verdict = verdict(f, reasons);
        String transcript = limited(TRANSCRIPT, text(f, TRANSCRIPT), MAX_TRANSCRIPT, reasons);
        String calledState = state(text(f, CALLED_STATE), reasons);
        String sourceCallId = limited(SOURCE_CALL_ID, text(f, SOURCE_CALL_ID), MAX_SOURCE_CALL_ID, reasons);
        if (callingNumber == null && callbackNumber == null && transcript == null && reasons.isEmpty()) {
            reasons.add("a call needs a " + (layout == CallLayout.HOPTRACE ? "callingNumber, callbackNumber or transcript"
                    : "caller id or callback number"));
        }
        if (!reasons.isEmpty()) {
            return new Result(null, reasons);
        }
        NormalisedCall call = new NormalisedCall(sourceCallId, callingNumber, calledNumber, callTime, duration, attestation,
                originationId, verdict, transcript, callbackNumber, calledState);
        return new Result(sourceCallId != null ? call : withDerivedId(call), List.of());
    }

    private static String text(Map<String, String> fields, String name) {
        String value = fields.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private String number(String field, Map<String, String> fields, List<String> reasons) {
        String given = text(fields, field);
        if (given == null) {
            return null;
        }
        if (isNorthAmericanE164(given)) {
            return given; // what PhoneNumbers would return, without its regular expressions (most rows)
        }
        try {
            return PhoneNumbers.toE164(field, given);
        } catch (IllegalArgumentException e) {
            reasons.add(label(field) + ": " + e.getMessage().substring(field.length() + 1));
            return null;
        }
    }

    /** {@code +1} and ten digits, area code and exchange starting with 2 to 9: already normalised. */
    static boolean isNorthAmericanE164(String given) {
        if (given.length() != 12 || given.charAt(0) != '+' || given.charAt(1) != '1') {
            return false;
        }
        for (int i = 2; i < 12; i++) {
            char c = given.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return given.charAt(2) >= '2' && given.charAt(5) >= '2';
    }

    private Instant callTime(Map<String, String> f, List<String> reasons) {
        String field = switch (layout) {
            case HOPTRACE -> CALL_TIME;
            case FCC -> ISSUE_DATE;
            case FTC -> text(f, VIOLATION_DATE) != null ? VIOLATION_DATE : CREATED_DATE;
        };
        String given = text(f, field);
        if (given == null) {
            reasons.add(label(field) + ": required");
            return null;
        }
        try {
            return layout == CallLayout.HOPTRACE ? CallTimes.iso(given)
                    : CallTimes.complaint(given, layout == CallLayout.FCC ? text(f, ISSUE_TIME) : null);
        } catch (IllegalArgumentException e) {
            reasons.add(label(field) + ": " + e.getMessage());
            return null;
        }
    }

    private Integer duration(String given, List<String> reasons) {
        if (given == null) {
            return null;
        }
        try {
            int seconds = Integer.parseInt(given.endsWith(".0") ? given.substring(0, given.length() - 2) : given);
            if (seconds >= 0 && seconds <= MAX_DURATION) {
                return seconds;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        reasons.add(label(DURATION_SECONDS) + ": '" + given + "' is not whole seconds from 0 to " + MAX_DURATION);
        return null;
    }

    private String attestation(String given, List<String> reasons) {
        if (given == null) {
            return null;
        }
        String code = given.toUpperCase(Locale.ROOT);
        if (code.equals("A") || code.equals("B") || code.equals("C")) {
            return code;
        }
        reasons.add(label(ATTESTATION) + ": '" + given + "' is not A, B or C");
        return null;
    }

    private String verdict(Map<String, String> f, List<String> reasons) {
        String given = text(f, VERDICT);
        if (layout == CallLayout.FTC && "Y".equalsIgnoreCase(text(f, ROBOCALL))) {
            given = given == null ? "robocall" : given + " (robocall)";
        }
        if (given != null && layout.isComplaints() && given.length() > MAX_VERDICT) {
            return given.substring(0, MAX_VERDICT);
        }
        return limited(VERDICT, given, MAX_VERDICT, reasons);
    }

    private String state(String given, List<String> reasons) {
        if (given == null) {
            return null;
        }
        var code = UsStates.code(given);
        if (code.isEmpty()) {
            reasons.add(label(CALLED_STATE) + ": '" + given + "' is not a US state (USPS code such as TX)");
            return null;
        }
        return code.get();
    }

    private String limited(String field, String given, int max, List<String> reasons) {
        if (given != null && given.length() > max) {
            reasons.add(label(field) + ": at most " + max + " characters, got " + given.length());
            return null;
        }
        return given;
    }

    private String label(String field) {
        return labels.getOrDefault(field, field);
    }

    /** {@code h:} and the SHA-256 (hex) of the normalised fields: the same content, the same id. */
    private NormalisedCall withDerivedId(NormalisedCall call) {
        String content = String.join("\u001f", layout.code(), String.valueOf(call.callingNumber()),
                String.valueOf(call.calledNumber()), String.valueOf(call.callTime()), String.valueOf(call.durationSeconds()),
                String.valueOf(call.attestation()), String.valueOf(call.originationId()), String.valueOf(call.verdict()),
                String.valueOf(call.transcript()), String.valueOf(call.callbackNumber()), String.valueOf(call.calledState()));
        String id = "h:" + HexFormat.of().formatHex(sha256.digest(content.getBytes(StandardCharsets.UTF_8)));
        return new NormalisedCall(id, call.callingNumber(), call.calledNumber(), call.callTime(), call.durationSeconds(),
                call.attestation(), call.originationId(), call.verdict(), call.transcript(), call.callbackNumber(),
                call.calledState());
    }
}
