package org.hoptrace.legal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code java -jar hoptrace.jar --verify-audit=LR-2026-000042-audit.csv}: checks an exported audit trail
 * (JSON or CSV) without a database or a running Hoptrace. Exit code 0: intact; 1: an entry does not match;
 * 2: the file cannot be read as an export.
 */
public final class AuditExportCommand {

    private AuditExportCommand() {
    }

    public static int run(Path file, PrintStream out) {
        try {
            AuditVerification verification = AuditExport.verify(file.getFileName().toString(), Files.readAllBytes(file));
            out.println(file + ": " + verification.message());
            return verification.intact() ? 0 : 1;
        } catch (IOException e) {
            out.println(file + ": cannot be read (" + e.getMessage() + ")");
            return 2;
        } catch (IllegalArgumentException e) {
            out.println(e.getMessage());
            return 2;
        }
    }
}
