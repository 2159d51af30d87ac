package org.hoptrace.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.Random;

import org.hoptrace.document.DocumentRejectedException.Reason;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** What DocumentStore accepts, decided from the content; storing is covered by the API tests. */
class DocumentStoreTest {

    private final DocumentStore store = new DocumentStore(null, Clock.systemUTC(), new DocumentSettings(DataSize.ofKilobytes(64)));

    @Test
    void aPdfIsAcceptedAsPdfWhateverItIsCalled() {
        Upload upload = inspect("scan.bin", TestFiles.pdf("Call records for TB-2026-000001"));

        assertThat(upload.mediaType()).isEqualTo("application/pdf");
        assertThat(upload.filename()).isEqualTo("scan.bin");
        assertThat(upload.sha256()).hasSize(64);
    }

    @Test
    void callRecordsAreAcceptedAsCsvAlthoughTikaCallsThemPlainText() {
        assertThat(inspect("calls.txt", TestFiles.callRecordsCsv()).mediaType()).isEqualTo("text/csv");
    }

    @Test
    void semicolonSeparatedRecordsWithQuotedFieldsAreCsv() {
        byte[] csv = "time;number;note\n2026-11-20;+12025550143;\"said \"\"hello\"\"; hung up\"\n2026-11-21;+12025550144;\"two\nlines\"\n"
                .getBytes(StandardCharsets.UTF_8);

        assertThat(inspect("calls.csv", csv).mediaType()).isEqualTo("text/csv");
    }

    @Test
    void proseNamedCsvIsRefusedAsNotCsv() {
        byte[] prose = "We searched our switch records, but the call is not there.\nRegards\n".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> inspect("calls.csv", prose))
                .isInstanceOfSatisfying(DocumentRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TYPE_NOT_ACCEPTED))
                .hasMessageStartingWith("calls.csv is text/plain but not CSV");
    }

    @Test
    void anExecutableNamedPdfIsRefusedNamingTheFileAndWhatItIs() {
        assertThatThrownBy(() -> inspect("report.pdf", TestFiles.executable()))
                .isInstanceOfSatisfying(DocumentRejectedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.TYPE_NOT_ACCEPTED);
                    assertThat(e.filename()).isEqualTo("report.pdf");
                })
                .hasMessage("report.pdf is application/x-msdownload, only PDF and CSV are accepted");
    }

    @Test
    void aZipNamedCsvIsRefused() {
        assertThatThrownBy(() -> inspect("calls.csv", TestFiles.zip()))
                .hasMessage("calls.csv is application/zip, only PDF and CSV are accepted");
    }

    @Test
    void unknownBytesNamedPdfAreRefusedBecauseTheNameDoesNotCount() {
        byte[] noise = new byte[2048];
        new Random(7).nextBytes(noise);

        assertThatThrownBy(() -> inspect("report.pdf", noise))
                .hasMessage("report.pdf is application/octet-stream, only PDF and CSV are accepted");
    }

    @Test
    void anEmptyFileIsRefused() {
        assertThatThrownBy(() -> inspect("calls.csv", new byte[0]))
                .isInstanceOfSatisfying(DocumentRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.EMPTY))
                .hasMessage("calls.csv is empty");
    }

    @Test
    void aFileOverTheLimitIsRefusedAsTooLarge() {
        byte[] big = new byte[64 * 1024 + 1];

        assertThatThrownBy(() -> inspect("big.pdf", big))
                .isInstanceOfSatisfying(DocumentRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE))
                .hasMessage("big.pdf is larger than 0.1 MB, the limit for one document");
    }

    @Test
    void aFileOfExactlyTheLimitIsAccepted() {
        byte[] pdf = TestFiles.pdf("padded");
        byte[] padded = Arrays.copyOf(pdf, 64 * 1024);
        Arrays.fill(padded, pdf.length, padded.length, (byte) '\n');

        assertThat(inspect("padded.pdf", padded).sizeBytes()).isEqualTo(64 * 1024);
    }

    @Test
    void theNameKeepsNeitherDirectoriesNorControlCharacters() {
        assertThat(DocumentStore.cleanName("C:\\Users\\noc\\calls\u0007.csv")).isEqualTo("calls.csv");
        assertThat(DocumentStore.cleanName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(DocumentStore.cleanName("  ")).isEqualTo("unnamed");
    }

    private Upload inspect(String name, byte[] content) {
        return store.inspect(name, new ByteArrayInputStream(content));
    }
}
