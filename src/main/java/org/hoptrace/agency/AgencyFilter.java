package org.hoptrace.agency;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Which agencies a list shows; null criteria match all, and all criteria must hold.
 *
 * @param text   part of the name, ignoring case
 * @param state  agencies with jurisdiction there: those that list the state, and nationwide ones
 * @param notice agencies that want this notice
 * @param active true: active only, false: deactivated only
 */
public record AgencyFilter(String text, Agency.Type type, String state, Agency.Notice notice, Boolean active,
                           int page, int size) {

    public static final int MAX_SIZE = 100;

    public AgencyFilter {
        text = text == null || text.isBlank() ? null : text.strip();
        state = state == null || state.isBlank() ? null : state.strip().toUpperCase(Locale.ROOT);
        if (page < 0) {
            throw new IllegalArgumentException("page counts from 0");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size is 1 to " + MAX_SIZE);
        }
    }

    /**
     * The filter from request parameters as given (codes such as {@code fcc}, {@code campaign-alert});
     * blank means "any".
     *
     * @throws InvalidAgencyException naming each parameter that is not understood
     */
    public static AgencyFilter parse(String text, String type, String state, String notice, Boolean active,
                                     int page, int size) {
        Map<String, String> problems = new LinkedHashMap<>();
        Agency.Type typeValue = null;
        if (present(type)) {
            typeValue = AgencyDraft.typeOf(type.strip().toLowerCase(Locale.ROOT));
            if (typeValue == null) {
                problems.put("type", "choose one of " + AgencyDraft.TYPE_CODES);
            }
        }
        if (present(state) && !UspsCodes.isValid(state)) {
            problems.put("state", "'" + state.strip() + "' is not a USPS state code (e.g. IL, NY, DC, PR)");
        }
        Agency.Notice noticeValue = null;
        if (present(notice)) {
            noticeValue = AgencyDraft.noticeOf(notice.strip().toLowerCase(Locale.ROOT));
            if (noticeValue == null) {
                problems.put("notice", "choose one of " + AgencyDraft.NOTICE_CODES);
            }
        }
        if (page < 0) {
            problems.put("page", "pages count from 0");
        }
        if (size < 1 || size > MAX_SIZE) {
            problems.put("size", "1 to " + MAX_SIZE);
        }
        if (!problems.isEmpty()) {
            throw new InvalidAgencyException(problems);
        }
        return new AgencyFilter(text, typeValue, state, noticeValue, active, page, size);
    }

    long offset() {
        return (long) page * size;
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
