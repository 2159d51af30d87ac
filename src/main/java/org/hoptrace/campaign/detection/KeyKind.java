package org.hoptrace.campaign.detection;

/**
 * The numbers and caller-ID patterns calls are grouped by besides their message (docs/campaign-detection.md).
 * The value of each is a long: E.164 digits, the NPA-NXX with country code (12025550143 -> 1202555), or a
 * hash of the origination id.
 */
public enum KeyKind {
    /** The number the message asks to call back. */
    CALLBACK,
    /** The exact calling number (joins calls without message to the campaign that used it). */
    CALLING,
    /** Calling numbers from one NPA-NXX with varying line numbers (calls without message). */
    PREFIX,
    /** Neighbour spoofing: the calling number's NPA-NXX is the called number's (calls without message), per origination id. */
    NEIGHBOUR;

    private static final long MASK = (1L << 56) - 1;

    long key(long value) {
        return ((long) (ordinal() + 1) << 56) | (value & MASK);
    }

    /** The database name of the kind. */
    public String code() {
        return name().toLowerCase();
    }

    public static KeyKind ofCode(String code) {
        return valueOf(code.toUpperCase());
    }

    /** The NPA-NXX of a North American number (with its 1), or 0. */
    static long prefix(long number) {
        return number >= 12_000_000_000L && number <= 19_999_999_999L ? number / 10_000 : 0;
    }
}
