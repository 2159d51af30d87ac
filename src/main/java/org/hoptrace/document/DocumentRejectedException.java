package org.hoptrace.document;

/**
 * A file Hoptrace does not store, with a reason a person can act on, naming the file:
 * "report.pdf is application/x-msdownload, only PDF and CSV are accepted".
 */
public class DocumentRejectedException extends RuntimeException {

    /**
     * Why a file is refused. Provider evidence uses the first three; the intake of legal requests
     * (org.hoptrace.legal.IntakeInspector) all of them.
     */
    public enum Reason {
        EMPTY, TOO_LARGE, TYPE_NOT_ACCEPTED, WRONG_EXTENSION, EXECUTABLE, MACROS, ENCRYPTED, ARCHIVE_BOMB, UNREADABLE
    }

    private final Reason reason;
    private final String filename;

    public DocumentRejectedException(Reason reason, String filename, String message) {
        super(message);
        this.reason = reason;
        this.filename = filename;
    }

    public Reason reason() {
        return reason;
    }

    public String filename() {
        return filename;
    }
}
