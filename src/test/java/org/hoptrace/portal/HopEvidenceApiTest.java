package org.hoptrace.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.hoptrace.HoptraceTest;
import org.hoptrace.document.TestFiles;
import org.hoptrace.provider.ProviderRepository;
import org.hoptrace.traceback.Hop;
import org.hoptrace.traceback.TracebackFixtures;
import org.hoptrace.traceback.TracebackRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Evidence files sent with an answer through the API (multipart): what is accepted, stored and downloadable. */
@HoptraceTest
class HopEvidenceApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NOT_FOUND = "{\"type\":\"not-found\",\"explanation\":\"No CDR for this call in our switch\"}";

    @LocalServerPort int port;
    @Autowired TracebackFixtures fixtures;
    @Autowired TracebackRepository tracebacks;
    @Autowired ProviderRepository providers;
    @Autowired JdbcTemplate jdbc;

    @Test
    void aPdfAndACsvAreStoredWithTheAnswerAndTheProviderAndStaffCanDownloadThem() throws Exception {
        ProviderApi provider = newProvider();
        Hop hop = waitingHop(provider);
        byte[] pdf = TestFiles.pdf("Switch search for +12025550143");
        String pdfName = unique("search.pdf");

        HttpResponse<String> response = provider.answer(hop.id(), new Multipart()
                .field("answer", "application/json", NOT_FOUND)
                .file("evidence", pdfName, "application/pdf", pdf)
                .file("evidence", unique("calls.csv"), "text/csv", TestFiles.callRecordsCsv()));

        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode evidence = JSON.readTree(response.body()).path("evidence");
        assertThat(evidence).hasSize(2);
        JsonNode pdfEntry = entryNamed(evidence, pdfName);
        assertThat(pdfEntry.path("mediaType").asText()).isEqualTo("application/pdf");
        assertThat(pdfEntry.path("sizeBytes").asLong()).isEqualTo(pdf.length);
        assertThat(pdfEntry.path("sha256").asText()).isEqualTo(sha256(pdf));
        assertThat(entryNamed(evidence, "calls").path("mediaType").asText()).isEqualTo("text/csv");

        String href = pdfEntry.path("href").asText();
        HttpResponse<byte[]> download = provider.download(href);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(download.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                value -> assertThat(value).startsWith("attachment").contains(pdfName));
        assertThat(download.body()).isEqualTo(pdf);
        assertThat(provider.as("staff", "hoptrace").download(href).body()).isEqualTo(pdf);
        assertThat(newProvider().download(href).statusCode()).isEqualTo(404);
    }

    @Test
    void anAnswerPartWithoutContentTypeIsReadAsJsonToo() {
        ProviderApi provider = newProvider();
        Hop hop = waitingHop(provider);

        HttpResponse<String> response = provider.answer(hop.id(), new Multipart().field("answer", NOT_FOUND));

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(tracebacks.answer(hop.id())).isPresent();
    }

    @Test
    void anExecutableNamedPdfIs400NamingTheFileAndNothingIsStored() throws Exception {
        ProviderApi provider = newProvider();
        Hop hop = waitingHop(provider);
        int before = documents();
        String name = unique("report.pdf");

        HttpResponse<String> response = provider.answer(hop.id(), new Multipart()
                .field("answer", "application/json", NOT_FOUND)
                .file("evidence", unique("calls.csv"), "text/csv", TestFiles.callRecordsCsv())
                .file("evidence", name, "application/pdf", TestFiles.executable()));

        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode error = JSON.readTree(response.body()).path("errors").get(0);
        assertThat(error.path("field").asText()).isEqualTo("evidence");
        assertThat(error.path("message").asText()).isEqualTo(name + " is application/x-msdownload, only PDF and CSV are accepted");
        assertThat(tracebacks.answer(hop.id())).isEmpty();
        assertThat(documents()).isEqualTo(before);
    }

    @Test
    void aZipNamedCsvIs400AndNothingIsStored() throws Exception {
        ProviderApi provider = newProvider();
        Hop hop = waitingHop(provider);
        int before = documents();

        HttpResponse<String> response = provider.answer(hop.id(), new Multipart()
                .field("answer", "application/json", NOT_FOUND)
                .file("evidence", "calls.csv", "text/csv", TestFiles.zip()));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).path("errors").get(0).path("message").asText())
                .isEqualTo("calls.csv is application/zip, only PDF and CSV are accepted");
        assertThat(tracebacks.answer(hop.id())).isEmpty();
        assertThat(documents()).isEqualTo(before);
    }

    @Test
    void aFileOverTheLimitIs413AndNothingIsStored() {
        ProviderApi provider = newProvider();
        Hop hop = waitingHop(provider);
        int before = documents();
        byte[] pdf = TestFiles.pdf("large");
        byte[] large = Arrays.copyOf(pdf, 10 * 1024 * 1024 + 1);

        HttpResponse<String> response = provider.answer(hop.id(), new Multipart()
                .field("answer", "application/json", NOT_FOUND)
                .file("evidence", "scan.pdf", "application/pdf", large));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("\"type\":\"https://hoptrace.org/problems/document-too-large\"")
                .contains("scan.pdf is larger than 10 MB");
        assertThat(tracebacks.answer(hop.id())).isEmpty();
        assertThat(documents()).isEqualTo(before);
    }

    @Test
    void anAnswerThatAnsweringHopRefusesStoresNoneOfItsFiles() {
        ProviderApi provider = newProvider();
        Hop hop = waitingHop(provider);
        int before = documents();
        String unknownUpstream = "{\"type\":\"upstream-registered\",\"upstreamProviderId\":\"" + UUID.randomUUID() + "\"}";

        HttpResponse<String> response = provider.answer(hop.id(), new Multipart()
                .field("answer", "application/json", unknownUpstream)
                .file("evidence", "calls.pdf", "application/pdf", TestFiles.pdf("calls")));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"upstreamProviderId\"");
        assertThat(documents()).isEqualTo(before);
    }

    @Test
    void aRefusedSecondAnswerStoresNoneOfItsFiles() {
        ProviderApi provider = newProvider();
        Hop hop = waitingHop(provider);
        int before = documents();
        provider.answer(hop.id(), NOT_FOUND);

        HttpResponse<String> response = provider.answer(hop.id(), new Multipart()
                .field("answer", "application/json", "{\"type\":\"origin\",\"customerName\":\"Dialer Express\"}")
                .file("evidence", "contract.pdf", "application/pdf", TestFiles.pdf("contract")));

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(documents()).isEqualTo(before);
    }

    @Test
    void resendingTheSameAnswerWithTheSameFilesIs200AndStoresNoSecondCopy() {
        ProviderApi provider = newProvider();
        Hop hop = waitingHop(provider);
        int before = documents();
        byte[] pdf = TestFiles.pdf("same");

        HttpResponse<String> first = provider.answer(hop.id(), new Multipart()
                .field("answer", "application/json", NOT_FOUND).file("evidence", "search.pdf", "application/pdf", pdf));
        HttpResponse<String> again = provider.answer(hop.id(), new Multipart()
                .field("answer", "application/json", NOT_FOUND).file("evidence", "search.pdf", "application/pdf", pdf));
        HttpResponse<String> otherFile = provider.answer(hop.id(), new Multipart()
                .field("answer", "application/json", NOT_FOUND)
                .file("evidence", "search.pdf", "application/pdf", TestFiles.pdf("other")));

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(otherFile.statusCode()).isEqualTo(409);
        assertThat(documents()).isEqualTo(before + 1);
    }

    private ProviderApi newProvider() {
        return ProviderApi.newProvider(fixtures, providers, port);
    }

    private Hop waitingHop(ProviderApi provider) {
        return fixtures.requestedHop(fixtures.open(provider.provider()).id(), 1);
    }

    /** Every stored document: tests run one after another, so a test sees its own uploads as the difference. */
    private int documents() {
        return jdbc.queryForObject("select count(*) from document", Integer.class);
    }

    private static JsonNode entryNamed(JsonNode evidence, String prefix) {
        for (JsonNode entry : evidence) {
            if (entry.path("filename").asText().startsWith(prefix.replace(".pdf", "").replace(".csv", ""))) {
                return entry;
            }
        }
        throw new AssertionError("no evidence named " + prefix + " in " + evidence);
    }

    private static String unique(String name) {
        int dot = name.lastIndexOf('.');
        return name.substring(0, dot) + "-" + UUID.randomUUID().toString().substring(0, 8) + name.substring(dot);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
