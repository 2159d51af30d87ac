package org.hoptrace.legal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/** The PDF cover letter of a response package (Apache PDFBox, standard fonts, A4-independent Letter size). */
final class ResponsePackageLetter {

    private static final float MARGIN = 64;
    private static final float LEADING = 14;
    private static final int WIDTH_CHARS = 90;

    private ResponsePackageLetter() {
    }

    static byte[] write(ReviewCase c, ReviewScope scope, int tracebacks, int hops, String csvName, Instant now) {
        List<String> lines = new ArrayList<>();
        lines.add("Hoptrace - response to legal request " + c.reference());
        lines.add("");
        lines.add("Date: " + LocalDate.ofInstant(now, ZoneOffset.UTC));
        lines.add("To: " + c.agencyName());
        lines.add("Issuing authority: " + nz(c.issuingAuthority()));
        lines.add("Request: " + c.requestType() + ", case number " + nz(c.caseNumber())
                + (c.returnDate() == null ? "" : ", return date " + c.returnDate()));
        lines.add("");
        lines.add("In response to the request above, Hoptrace provides the traceback records it holds within the");
        lines.add("scope approved by its legal review:");
        lines.add("");
        scope.summary().lines().forEach(l -> lines.add("  " + l));
        lines.add("");
        lines.add("Enclosed: " + csvName + " - " + tracebacks + " traceback" + (tracebacks == 1 ? "" : "s") + ", " + hops
                + " hop" + (hops == 1 ? "" : "s") + ": for each hop the provider asked, its answer and the list");
        lines.add("of its evidence files with their SHA-256. All times are UTC.");
        lines.add("");
        lines.add("Reviewed by: " + nz(c.reviewedBy()));
        lines.add("The response is released only after a second person has signed it off. Every view,");
        lines.add("download, decision and release of this request is recorded in its hash-chained audit trail,");
        lines.add("which can be exported for the chain of custody.");
        return pdf(c.reference(), lines);
    }

    private static byte[] pdf(String reference, List<String> lines) {
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle("Response to legal request " + reference);
            info.setAuthor("Hoptrace");
            PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            List<String> wrapped = new ArrayList<>();
            lines.forEach(l -> wrapped.addAll(wrap(printable(l))));
            int perPage = (int) ((PDRectangle.LETTER.getHeight() - 2 * MARGIN) / LEADING);
            for (int start = 0; start < wrapped.size(); start += perPage) {
                PDPage page = new PDPage(PDRectangle.LETTER);
                doc.addPage(page);
                try (PDPageContentStream text = new PDPageContentStream(doc, page)) {
                    text.beginText();
                    text.setLeading(LEADING);
                    text.newLineAtOffset(MARGIN, PDRectangle.LETTER.getHeight() - MARGIN);
                    for (int i = start; i < Math.min(wrapped.size(), start + perPage); i++) {
                        text.setFont(i == 0 ? bold : regular, i == 0 ? 13 : 10.5f);
                        text.showText(wrapped.get(i));
                        text.newLine();
                    }
                    text.endText();
                }
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the cover letter of " + reference, e);
        }
    }

    private static List<String> wrap(String line) {
        List<String> out = new ArrayList<>();
        String rest = line;
        while (rest.length() > WIDTH_CHARS) {
            int cut = rest.lastIndexOf(' ', WIDTH_CHARS);
            cut = cut <= 0 ? WIDTH_CHARS : cut;
            out.add(rest.substring(0, cut));
            rest = "    " + rest.substring(cut).strip();
        }
        out.add(rest);
        return out;
    }

    /** The standard fonts know Latin-1 only: anything else becomes '?'. */
    private static String printable(String s) {
        StringBuilder out = new StringBuilder();
        s.codePoints().forEach(cp -> out.append(cp >= 0x20 && cp < 0x7f || cp >= 0xa0 && cp <= 0xff ? (char) cp : '?'));
        return out.toString();
    }

    private static String nz(String s) {
        return s == null || s.isBlank() ? "(not given)" : s;
    }
}
