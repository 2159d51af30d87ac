package org.hoptrace.traceback;

import java.util.regex.Pattern;

/**
 * Phone numbers as people write them, in E.164 ({@code +12025550143}). North American numbers may
 * be written without the country code: ten digits, or eleven starting with 1, get {@code +1}. Every
 * other number needs {@code +} and its country code. Spaces, dots, dashes and parentheses are ignored.
 */
public final class PhoneNumbers {

    private static final Pattern WRITTEN = Pattern.compile("\\+?[0-9 ().\\-]+");
    /** North American Numbering Plan: area code and exchange start with 2-9. */
    private static final Pattern NANP = Pattern.compile("[2-9][0-9]{2}[2-9][0-9]{6}");

    private PhoneNumbers() {
    }

    /**
     * The number in E.164.
     *
     * @param what    what the number is, for the message ("calling number")
     * @param written the number as given
     * @throws IllegalArgumentException with a message naming {@code what} and the number, e.g.
     *                                  "calling number '12ab' is not a phone number"
     */
    public static String toE164(String what, String written) {
        if (written == null || written.isBlank()) {
            throw new IllegalArgumentException(what + " is required");
        }
        String given = written.strip();
        if (!WRITTEN.matcher(given).matches()) {
            throw notANumber(what, given, "");
        }
        String digits = given.replaceAll("[^0-9]", "");
        if (given.startsWith("+")) {
            return international(what, given, digits);
        }
        if (digits.length() == 11 && digits.startsWith("1")) {
            digits = digits.substring(1);
        }
        if (digits.length() == 10) {
            return northAmerican(what, given, digits);
        }
        throw notANumber(what, given, ": give numbers outside North America with + and the country code");
    }

    private static String international(String what, String given, String digits) {
        if (digits.startsWith("1")) {
            if (digits.length() != 11) {
                throw notANumber(what, given, ": a North American number has ten digits after +1");
            }
            return northAmerican(what, given, digits.substring(1));
        }
        if (digits.startsWith("0") || digits.length() < 8 || digits.length() > 15) {
            throw notANumber(what, given, ": E.164 numbers have a country code and 8 to 15 digits");
        }
        return "+" + digits;
    }

    private static String northAmerican(String what, String given, String tenDigits) {
        if (!NANP.matcher(tenDigits).matches()) {
            throw notANumber(what, given, ": North American area codes and exchanges start with 2 to 9");
        }
        return "+1" + tenDigits;
    }

    private static IllegalArgumentException notANumber(String what, String given, String why) {
        return new IllegalArgumentException("%s '%s' is not a phone number%s".formatted(what, given, why));
    }
}
