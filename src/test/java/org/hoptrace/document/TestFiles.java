package org.hoptrace.document;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** Small real files for upload tests: a one-page PDF, call records as CSV, and files that must be refused. */
public final class TestFiles {

    private TestFiles() {
    }

    /** A one-page PDF (PDFBox comes with Tika's PDF parser) saying {@code text}. */
    public static byte[] pdf(String text) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                content.newLineAtOffset(72, 720);
                content.showText(text);
                content.endText();
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Call detail records as a switch exports them. */
    public static byte[] callRecordsCsv() {
        return """
                call_time_utc,calling_number,called_number,ingress_trunk,egress_trunk
                2026-11-20T15:04:05Z,+12025550143,+13125550178,TRK-UPSTREAM-7,TRK-TERM-2
                2026-11-20T15:04:09Z,+12025550143,+13125550179,TRK-UPSTREAM-7,TRK-TERM-2
                """.getBytes(StandardCharsets.UTF_8);
    }

    /** The start of a Windows executable (MZ header, PE offset). */
    public static byte[] executable() {
        byte[] exe = new byte[1024];
        exe[0] = 'M';
        exe[1] = 'Z';
        exe[0x3c] = (byte) 0x80;
        exe[0x80] = 'P';
        exe[0x81] = 'E';
        return exe;
    }

    public static byte[] zip() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("calls.csv"));
            zip.write(callRecordsCsv());
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
