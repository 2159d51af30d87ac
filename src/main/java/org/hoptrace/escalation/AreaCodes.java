package org.hoptrace.escalation;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The US state of a phone number, from its area code (NPA): {@code reference/us-area-codes.csv}
 * ({@code npa,state}, USPS codes, territories included). Numbers outside the US (other countries,
 * Canada and the Caribbean in the +1 plan) and non-geographic codes (800, 888, ...) have no state.
 */
final class AreaCodes {

    static final String RESOURCE = "reference/us-area-codes.csv";
    private static final Pattern NANP = Pattern.compile("\\+1([2-9]\\d{2})[2-9]\\d{6}");
    private static final Pattern LINE = Pattern.compile("([2-9]\\d{2}),([A-Z]{2})");

    private final Map<String, String> states;

    private AreaCodes(Map<String, String> states) {
        this.states = Collections.unmodifiableMap(states);
    }

    /** The table shipped with Hoptrace. */
    static AreaCodes load() {
        try (InputStream in = AreaCodes.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return read(RESOURCE, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads {@code npa,state} lines after a header; a bad line is an error naming the file and line. */
    static AreaCodes read(String name, InputStream in) throws IOException {
        Map<String, String> states = new HashMap<>();
        BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String header = lines.readLine();
        if (!"npa,state".equals(header == null ? null : header.strip())) {
            throw new IllegalStateException(name + ":1: the header must be 'npa,state'");
        }
        int number = 1;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            var match = LINE.matcher(line.strip());
            if (!match.matches()) {
                throw new IllegalStateException(name + ":" + number + ": expected 'npa,state' like '212,NY', got '" + line + "'");
            }
            if (states.put(match.group(1), match.group(2)) != null) {
                throw new IllegalStateException(name + ":" + number + ": area code " + match.group(1) + " is listed twice");
            }
        }
        return new AreaCodes(states);
    }

    /** The state of an E.164 number ({@code +12125550100} -> NY), empty outside the US. */
    Optional<String> stateOf(String e164) {
        if (e164 == null) {
            return Optional.empty();
        }
        var match = NANP.matcher(e164);
        return match.matches() ? Optional.ofNullable(states.get(match.group(1))) : Optional.empty();
    }

    int size() {
        return states.size();
    }
}
