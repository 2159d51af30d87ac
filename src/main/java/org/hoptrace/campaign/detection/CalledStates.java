package org.hoptrace.campaign.detection;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The called party's state when the source did not send it: the area code of the called number in
 * {@code reference/us-area-codes.csv} (the table escalation uses), looked up in an array by NPA.
 */
final class CalledStates {

    private final String[] byAreaCode = new String[1000];

    CalledStates() {
        try (InputStream in = CalledStates.class.getClassLoader().getResourceAsStream("reference/us-area-codes.csv")) {
            if (in == null) {
                throw new IllegalStateException("reference/us-area-codes.csv is missing from the classpath");
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            lines.readLine();
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String[] fields = line.strip().split(",");
                if (fields.length == 2 && fields[0].matches("[2-9]\\d\\d")) {
                    byAreaCode[Integer.parseInt(fields[0])] = fields[1];
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The state as sent, else the called number's (E.164 digits) area code's, else null. */
    String of(String sent, long calledDigits) {
        if (sent != null && !sent.isBlank()) {
            return sent.strip();
        }
        long prefix = KeyKind.prefix(calledDigits);
        return prefix == 0 ? null : byAreaCode[(int) (prefix / 1000 % 1000)];
    }
}
