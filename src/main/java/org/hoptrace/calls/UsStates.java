package org.hoptrace.calls;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** US states, DC and territories: USPS codes, and the full names complaint data sometimes uses instead. */
final class UsStates {

    private static final String[][] STATES = {
            {"AL", "Alabama"}, {"AK", "Alaska"}, {"AZ", "Arizona"}, {"AR", "Arkansas"}, {"CA", "California"},
            {"CO", "Colorado"}, {"CT", "Connecticut"}, {"DE", "Delaware"}, {"DC", "District of Columbia"},
            {"FL", "Florida"}, {"GA", "Georgia"}, {"HI", "Hawaii"}, {"ID", "Idaho"}, {"IL", "Illinois"},
            {"IN", "Indiana"}, {"IA", "Iowa"}, {"KS", "Kansas"}, {"KY", "Kentucky"}, {"LA", "Louisiana"},
            {"ME", "Maine"}, {"MD", "Maryland"}, {"MA", "Massachusetts"}, {"MI", "Michigan"}, {"MN", "Minnesota"},
            {"MS", "Mississippi"}, {"MO", "Missouri"}, {"MT", "Montana"}, {"NE", "Nebraska"}, {"NV", "Nevada"},
            {"NH", "New Hampshire"}, {"NJ", "New Jersey"}, {"NM", "New Mexico"}, {"NY", "New York"},
            {"NC", "North Carolina"}, {"ND", "North Dakota"}, {"OH", "Ohio"}, {"OK", "Oklahoma"}, {"OR", "Oregon"},
            {"PA", "Pennsylvania"}, {"RI", "Rhode Island"}, {"SC", "South Carolina"}, {"SD", "South Dakota"},
            {"TN", "Tennessee"}, {"TX", "Texas"}, {"UT", "Utah"}, {"VT", "Vermont"}, {"VA", "Virginia"},
            {"WA", "Washington"}, {"WV", "West Virginia"}, {"WI", "Wisconsin"}, {"WY", "Wyoming"},
            {"PR", "Puerto Rico"}, {"VI", "Virgin Islands"}, {"GU", "Guam"}, {"AS", "American Samoa"},
            {"MP", "Northern Mariana Islands"}};

    private static final Map<String, String> CODES = new HashMap<>();

    static {
        for (String[] state : STATES) {
            CODES.put(state[0], state[0]);
            CODES.put(state[1].toUpperCase(Locale.ROOT), state[0]);
        }
    }

    private UsStates() {
    }

    /** The USPS code of a state given by code or name ("tx", "Texas" -> TX). */
    static Optional<String> code(String given) {
        if (given.length() == 2) {
            String code = CODES.get(given.toUpperCase(Locale.ROOT));
            if (code != null) {
                return Optional.of(code);
            }
        }
        return Optional.ofNullable(CODES.get(given.strip().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT)));
    }
}
