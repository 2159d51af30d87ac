package org.hoptrace.provider;

import java.util.List;

/** A CSV file that cannot be imported at all (no header, a required column missing, too long, not UTF-8). */
public class ImportFileException extends RuntimeException {

    private final List<String> problems;

    public ImportFileException(List<String> problems) {
        super("the file cannot be imported: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
