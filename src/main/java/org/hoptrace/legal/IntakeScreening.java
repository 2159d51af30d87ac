package org.hoptrace.legal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypes;
import org.hoptrace.document.DocumentRejectedException;
import org.hoptrace.document.DocumentRejectedException.Reason;
import org.hoptrace.document.DocumentStore;

/**
 * What the intake of legal requests accepts, decided from the content (docs/legal-intake.md): archive
 * bombs, programs and scripts, encrypted and macro-bearing Office files are refused first; then only the
 * accepted types pass, and only under a name whose extension, if it names a type, fits the content.
 */
final class IntakeScreening implements DocumentStore.Screening {

    static final String PDF = "application/pdf";
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final String DOC = "application/msword";
    static final String TEXT = "text/plain";

    /** The accepted media types and how a person calls them. */
    static final Map<String, String> ACCEPTED = Map.of(PDF, "a PDF", DOCX, "a Word document (DOCX)",
            DOC, "a Word 97-2003 document (DOC)", TEXT, "plain text", "image/png", "a PNG image",
            "image/jpeg", "a JPEG image", "image/tiff", "a TIFF image");
    private static final String ACCEPTED_IN_WORDS = "accepted are PDF, Word (DOCX, DOC), plain text and scanned "
            + "images (PNG, JPEG, TIFF)";

    private static final List<String> PROGRAMS = List.of("application/x-executable", "application/x-elf",
            "application/x-sharedlib", "application/x-dosexec", "application/x-msdownload", "application/x-mach-o",
            "application/x-mach-o-universal", "application/java-archive", "application/x-java-applet",
            "application/x-sh", "application/x-csh", "application/x-bat", "text/javascript", "text/x-python",
            "text/x-perl", "text/x-php", "application/x-ms-installer", "application/x-msi");
    private static final String ENCRYPTED_OOXML = "application/x-tika-ooxml-protected";
    /** Storages of an OLE2 (Word 97-2003, Excel 97-2003) file that hold VBA macros. */
    private static final List<String> OLE_MACRO_STORAGES = List.of("Macros", "_VBA_PROJECT_CUR", "VBA");

    private final DocumentStore documents;
    private final IntakeSettings limits;
    private final MimeTypes mimeTypes = MimeTypes.getDefaultMimeTypes();
    private final MediaTypeRegistry registry = mimeTypes.getMediaTypeRegistry();

    IntakeScreening(DocumentStore documents, IntakeSettings limits) {
        this.documents = documents;
        this.limits = limits;
    }

    @Override
    public String accept(String name, byte[] bytes) {
        List<String> entries = IntakeArchives.isZip(bytes) ? IntakeArchives.check(name, bytes, limits) : List.of();
        String type = documents.detect(name, bytes);
        if (PROGRAMS.stream().anyMatch(program -> is(type, program))) {
            throw new DocumentRejectedException(Reason.EXECUTABLE, name, name + " is a program or script (" + type
                    + "); programs are never accepted");
        }
        if (ENCRYPTED_OOXML.equals(type)) {
            throw encrypted(name);
        }
        if (type.contains("macroenabled") || entries.stream().anyMatch(e -> e.toLowerCase(Locale.ROOT).endsWith("vbaproject.bin"))
                || (DOC.equals(type) && oleMacros(bytes))) {
            throw new DocumentRejectedException(Reason.MACROS, name, name + " contains macros (" + type + "); "
                    + "documents with macros are refused, save it as PDF or as a DOCX without macros");
        }
        if (!ACCEPTED.containsKey(type)) {
            throw new DocumentRejectedException(Reason.TYPE_NOT_ACCEPTED, name, name + " is " + type + ", "
                    + ACCEPTED_IN_WORDS);
        }
        String named = typeByName(name);
        if (named != null && !named.equals(type) && !is(named, type) && !is(type, named)) {
            throw new DocumentRejectedException(Reason.WRONG_EXTENSION, name, name + " is " + ACCEPTED.get(type)
                    + ", not " + describe(named) + " as its name says; send the right file or rename it");
        }
        return type;
    }

    static DocumentRejectedException encrypted(String name) {
        return new DocumentRejectedException(Reason.ENCRYPTED, name, name + " is encrypted or password-protected; "
                + "send it without the password so that it can be read and kept as evidence");
    }

    /** The type the file name's extension stands for, or null if it stands for none Tika knows. */
    private String typeByName(String name) {
        Metadata byName = new Metadata();
        byName.set(TikaCoreProperties.RESOURCE_NAME_KEY, name.toLowerCase(Locale.ROOT));
        try {
            MediaType named = mimeTypes.detect(null, byName).getBaseType();
            return MediaType.OCTET_STREAM.equals(named) ? null : named.toString();
        } catch (IOException e) {
            return null;
        }
    }

    private String describe(String type) {
        return ACCEPTED.containsKey(type) ? ACCEPTED.get(type) + " (" + type + ")" : type;
    }

    private boolean is(String type, String base) {
        return type.equals(base) || registry.isSpecializationOf(MediaType.parse(type), MediaType.parse(base));
    }

    private static boolean oleMacros(byte[] bytes) {
        try (POIFSFileSystem ole = new POIFSFileSystem(new ByteArrayInputStream(bytes))) {
            return OLE_MACRO_STORAGES.stream().anyMatch(ole.getRoot()::hasEntry);
        } catch (IOException | RuntimeException e) {
            return false; // not readable as OLE2: the parser decides whether it can be read at all
        }
    }
}
