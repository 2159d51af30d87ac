package org.hoptrace.agency;

import java.util.Locale;
import java.util.Set;

/**
 * The USPS codes an agency's jurisdiction is given in: the 50 states, the District of Columbia and the
 * inhabited territories (Puerto Rico, Guam, U.S. Virgin Islands, American Samoa, Northern Mariana Islands).
 */
public final class UspsCodes {

    public static final Set<String> ALL = Set.of(
            "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY",
            "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND",
            "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY",
            "DC", "PR", "GU", "VI", "AS", "MP");

    private UspsCodes() {
    }

    /** True for a known code in any case, surrounding blanks ignored. */
    public static boolean isValid(String code) {
        return code != null && ALL.contains(code.strip().toUpperCase(Locale.ROOT));
    }
}
