package org.hoptrace.legal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.hoptrace.HoptraceTest;
import org.hoptrace.document.Document;
import org.hoptrace.document.DocumentRejectedException;
import org.hoptrace.document.DocumentRejectedException.Reason;
import org.hoptrace.document.DocumentStore;
import org.hoptrace.document.TestFiles;
import org.hoptrace.provider.Provider;
import org.hoptrace.traceback.TracebackFixtures;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;

/** Intake of legal request documents with real files made here: what is accepted, read, proposed, refused. */
@HoptraceTest
class IntakeInspectorTest {

    @Autowired
    IntakeInspector intake;
    @Autowired
    IntakeFixtures fixtures;
    @Autowired
    TracebackFixtures tracebacks;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    DocumentStore documents;
    @Autowired
    ObjectMapper json;
    @Autowired
    Clock clock;

    @AfterEach
    void cleanUp() {
        fixtures.cleanUp();
    }

    @Test
    void aPdfSubpoenaIsReadAndItsFieldsAreProposedWithTheirSnippets() throws Exception {
        Provider provider = tracebacks.provider("US");
        byte[] pdf = IntakeTestFiles.pdf("SUBPOENA DUCES TECUM", "Case No. 1:26-cv-01234",
                "Return date: March 16, 2026", "Produce the records of calls from (202) 555-0143 and +1 312 555 0178",
                "carried by " + provider.legalName() + " between January 1, 2026 and February 28, 2026.");

        Inspected inspected = inspect("subpoena.pdf", pdf);

        assertThat(inspected.upload().mediaType()).isEqualTo("application/pdf");
        assertThat(inspected.upload().sha256()).isEqualTo(sha256(pdf));
        assertThat(inspected.text()).contains("SUBPOENA DUCES TECUM", "Case No. 1:26-cv-01234");
        assertThat(inspected.metadata()).containsEntry("dc:title", "Subpoena duces tecum");
        Map<String, Object> proposed = inspected.proposedFields();
        assertThat(values(proposed, "caseNumbers")).containsExactly("1:26-CV-01234");
        assertThat(values(proposed, "returnDates")).containsExactly("2026-03-16");
        assertThat(values(proposed, "phoneNumbers")).containsExactly("+12025550143", "+13125550178");
        assertThat((List<?>) proposed.get("providers")).hasSize(1);
        FieldProposals.ProviderProposal named = (FieldProposals.ProviderProposal) ((List<?>) proposed.get("providers")).get(0);
        assertThat(named.providerId()).isEqualTo(provider.id());
        assertThat(named.name()).isEqualTo(provider.legalName());
        assertThat(named.snippet()).contains(provider.legalName());
        FieldProposals.DateRangeProposal range = (FieldProposals.DateRangeProposal) ((List<?>) proposed.get("dateRanges")).get(0);
        assertThat(range.from()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(range.to()).isEqualTo(LocalDate.of(2026, 2, 28));
        assertThat(range.snippet()).contains("between January 1, 2026 and February 28, 2026");
    }

    @Test
    void aDocxDemandIsReadWithItsMetadata() {
        byte[] docx = IntakeTestFiles.docx("CIVIL INVESTIGATIVE DEMAND", "CID No. 2026-0042",
                "Responses are due no later than 04/30/2026.", "Calls to 312.555.0178 from 1 December 2025 through 31 December 2025.");

        Inspected inspected = inspect("demand.docx", docx);

        assertThat(inspected.upload().mediaType())
                .isEqualTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        assertThat(inspected.text()).contains("CIVIL INVESTIGATIVE DEMAND", "CID No. 2026-0042");
        assertThat(inspected.metadata()).containsEntry("dc:creator", "Office of the Attorney General");
        assertThat(values(inspected.proposedFields(), "caseNumbers")).containsExactly("2026-0042");
        assertThat(values(inspected.proposedFields(), "returnDates")).containsExactly("2026-04-30");
        assertThat(values(inspected.proposedFields(), "phoneNumbers")).containsExactly("+13125550178");
        assertThat(((List<?>) inspected.proposedFields().get("dateRanges"))).singleElement()
                .extracting("from", "to").containsExactly(LocalDate.of(2025, 12, 1), LocalDate.of(2025, 12, 31));
    }

    @Test
    void plainTextAndScannedImagesAreAccepted() throws IOException {
        assertThat(inspect("cover.txt", "Case No. 26-1234\n".getBytes(StandardCharsets.UTF_8)).upload().mediaType())
                .isEqualTo("text/plain");
        BufferedImage scan = new BufferedImage(40, 20, BufferedImage.TYPE_BYTE_GRAY);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(scan, "png", png);

        Inspected image = inspect("page1.png", png.toByteArray());

        assertThat(image.upload().mediaType()).isEqualTo("image/png");
        assertThat(image.text()).isEmpty();
        assertThat(image.metadata()).containsEntry("tiff:ImageWidth", "40");
    }

    @Test
    void aPdfWhoseNameSaysNothingIsAcceptedByItsContent() {
        assertThat(inspect("scan-0001", IntakeTestFiles.pdf("Subpoena")).upload().mediaType()).isEqualTo("application/pdf");
    }

    static Stream<Arguments> hostileFiles() {
        return Stream.of(
                Arguments.of("subpoena.pdf", IntakeTestFiles.docx("not a PDF"), Reason.WRONG_EXTENSION,
                        "subpoena.pdf is a Word document (DOCX), not a PDF (application/pdf) as its name says"),
                Arguments.of("subpoena.docx", IntakeTestFiles.zipBomb("word/document.xml", 60), Reason.ARCHIVE_BOMB,
                        "subpoena.docx looks like an archive bomb: it has an entry (word/document.xml) that expands"),
                Arguments.of("records.docx", IntakeTestFiles.nestedZips(4), Reason.ARCHIVE_BOMB,
                        "records.docx looks like an archive bomb: it nests archives more than 2 deep"),
                Arguments.of("huge.pdf", new byte[(int) DataSize.ofMegabytes(25).toBytes() + 1], Reason.TOO_LARGE,
                        "huge.pdf is larger than 25 MB, the limit for one document"),
                Arguments.of("locked.pdf", IntakeTestFiles.encryptedPdf("secret", "Case No. 26-1"), Reason.ENCRYPTED,
                        "locked.pdf is encrypted or password-protected"),
                Arguments.of("locked.docx", IntakeTestFiles.encryptedDocx("secret", "Case No. 26-1"), Reason.ENCRYPTED,
                        "locked.docx is encrypted or password-protected"),
                Arguments.of("subpoena.pdf", TestFiles.executable(), Reason.EXECUTABLE,
                        "subpoena.pdf is a program or script (application/x-msdownload); programs are never accepted"),
                Arguments.of("records", IntakeTestFiles.elf(), Reason.EXECUTABLE, "records is a program or script"),
                Arguments.of("readme.txt", IntakeTestFiles.shellScript(), Reason.EXECUTABLE,
                        "readme.txt is a program or script (application/x-sh)"),
                Arguments.of("subpoena.docm", IntakeTestFiles.docm("Case No. 26-1"), Reason.MACROS,
                        "subpoena.docm contains macros"),
                Arguments.of("subpoena.docx", IntakeTestFiles.docxWithVbaProject("Case No. 26-1"), Reason.MACROS,
                        "subpoena.docx contains macros"),
                Arguments.of("records.zip", TestFiles.zip(), Reason.TYPE_NOT_ACCEPTED,
                        "records.zip is application/zip, accepted are PDF, Word (DOCX, DOC), plain text and scanned images"),
                Arguments.of("empty.pdf", new byte[0], Reason.EMPTY, "empty.pdf is empty"));
    }

    @ParameterizedTest(name = "{0}: {2}")
    @MethodSource("hostileFiles")
    void aHostileFileIsRefusedNamingItAndNothingOfTheRequestIsStored(String name, byte[] content, Reason reason,
                                                                      String message) {
        UUID request = fixtures.request();
        int documentsBefore = count("document");
        int requestDocumentsBefore = count("legal_request_document");

        assertThatThrownBy(() -> submit(request, Map.of("subpoena-cover.pdf", IntakeTestFiles.pdf("Cover letter")),
                name, content))
                .isInstanceOfSatisfying(DocumentRejectedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(reason);
                    assertThat(e.filename()).isEqualTo(name);
                })
                .hasMessageStartingWith(message);
        assertThat(count("document")).isEqualTo(documentsBefore);
        assertThat(count("legal_request_document")).isEqualTo(requestDocumentsBefore);
    }

    @Test
    void attachedDocumentsKeepTheOriginalItsHashTextMetadataAndProposals() throws Exception {
        UUID request = fixtures.request();
        byte[] pdf = IntakeTestFiles.pdf("Case No. 26-CR-77", "Return date: 2026-05-01");

        List<Document> stored = submit(request, Map.of(), "subpoena.pdf", pdf);

        Document document = stored.get(0);
        assertThat(document.sha256()).isEqualTo(sha256(pdf));
        assertThat(documents.content(document.id())).isEqualTo(pdf);
        Map<String, Object> row = jdbc.queryForMap("""
                select role, extracted_text, metadata ->> 'dc:title' as title,
                       proposed_fields -> 'caseNumbers' -> 0 ->> 'value' as case_number,
                       proposed_fields -> 'returnDates' -> 0 ->> 'value' as return_date
                from legal_request_document where legal_request_id = ? and document_id = ?""", request, document.id());
        assertThat(row).containsEntry("role", "request").containsEntry("title", "Subpoena duces tecum")
                .containsEntry("case_number", "26-CR-77").containsEntry("return_date", "2026-05-01");
        assertThat((String) row.get("extracted_text")).contains("Case No. 26-CR-77");
    }

    @Test
    void attachingOutsideTheCallersTransactionIsRefused() {
        UUID request = fixtures.request();
        Inspected inspected = inspect("subpoena.pdf", IntakeTestFiles.pdf("Subpoena"));

        assertThatThrownBy(() -> intake.attach(request, "request", inspected, "agency-user"))
                .isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    void textBeyondTheLimitIsCutOffAndTheMetadataSaysSo() {
        IntakeSettings small = new IntakeSettings(DataSize.ofMegabytes(1), DataSize.ofMegabytes(10), 100, 100, 60,
                Duration.ofSeconds(30), 1);
        IntakeInspector limited = new IntakeInspector(documents, jdbc, json, clock, small);
        try {
            Inspected inspected = limited.inspect("long.txt", new ByteArrayInputStream(
                    "All records of calls from 202-555-0143. ".repeat(50).getBytes(StandardCharsets.UTF_8)));

            assertThat(inspected.text().length()).isLessThanOrEqualTo(60);
            assertThat(inspected.metadata()).containsEntry(IntakeExtraction.TRUNCATED, "after 60 characters");
        } finally {
            limited.stop();
        }
    }

    @Test
    void theSizeLimitIsASetting() {
        IntakeSettings small = new IntakeSettings(DataSize.ofKilobytes(200), DataSize.ofMegabytes(10), 100, 100, 1000,
                Duration.ofSeconds(30), 1);
        IntakeInspector limited = new IntakeInspector(documents, jdbc, json, clock, small);
        try {
            byte[] letter = "Dear Sir or Madam, ".repeat(11_000).getBytes(StandardCharsets.UTF_8);
            assertThatThrownBy(() -> limited.inspect("letter.txt", new ByteArrayInputStream(letter)))
                    .hasMessage("letter.txt is larger than 0.2 MB, the limit for one document");
        } finally {
            limited.stop();
        }
        assertThat(intake.maxDocumentSize()).isEqualTo(DataSize.ofMegabytes(25).toBytes());
    }

    /** As the portal submits: every file is inspected first, then all are stored in one transaction. */
    private List<Document> submit(UUID request, Map<String, byte[]> others, String name, byte[] content) {
        List<Inspected> inspected = Stream.concat(others.entrySet().stream().map(e -> inspect(e.getKey(), e.getValue())),
                Stream.of(inspect(name, content))).toList();
        return transactions.execute(status -> inspected.stream()
                .map(doc -> intake.attach(request, "request", doc, "investigator")).toList());
    }

    private Inspected inspect(String name, byte[] content) {
        return intake.inspect(name, new ByteArrayInputStream(content));
    }

    private int count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Integer.class);
    }

    private static List<String> values(Map<String, Object> proposed, String field) {
        return ((List<?>) proposed.get(field)).stream().map(p -> ((FieldProposals.Proposal) p).value()).toList();
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
