package org.hoptrace.calls;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where data sources post their calls, authenticated by their API key (docs/calls.md). A source posts
 * as itself: the calls are stored under the key's source, whatever the body says.
 */
@RestController
@RequestMapping("/api/v1/calls")
@Tag(name = "Calls", description = "Live call data from carriers, blocking apps and complaint feeds (data source API keys)")
class CallsApi extends CallProblems {

    private final CallIngestion ingestion;
    private final CallBatchRepository batches;

    CallsApi(CallIngestion ingestion, CallBatchRepository batches) {
        this.ingestion = ingestion;
        this.batches = batches;
    }

    @PostMapping(consumes = {MediaType.APPLICATION_JSON_VALUE, CallFormat.NDJSON_TYPE, "application/ndjson", "text/csv"})
    @Operation(summary = "Post a batch of calls", description = "A JSON array of calls (application/json), one call per "
            + "line (application/x-ndjson) or CSV with a header (text/csv; Hoptrace's columns or the FCC/FTC complaint "
            + "layouts, recognised by the header or named by layout). Good rows are stored, bad ones reported with their "
            + "line; a call already stored (same sourceCallId) is counted as a duplicate. An unreadable body stores nothing.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = {
                    @Content(mediaType = "application/json", schema = @Schema(type = "array")),
                    @Content(mediaType = CallFormat.NDJSON_TYPE, schema = @Schema(type = "string")),
                    @Content(mediaType = "text/csv", schema = @Schema(type = "string"))}))
    ResponseEntity<IngestReport> post(@AuthenticationPrincipal CallSourcePrincipal source,
                                      @Parameter(description = "hoptrace, fcc or ftc (CSV); default: from the header")
                                      @RequestParam(required = false) String layout,
                                      HttpServletRequest request) throws IOException {
        MediaType type = MediaType.parseMediaType(request.getContentType());
        CallFormat format = CallFormat.of(type).orElseThrow();
        IngestReport report = ingestion.ingest(source.sourceId(), CallIngestion.Channel.API, source.getName(), format,
                layout, CallFormat.charsetOf(type), request.getInputStream());
        return ResponseEntity.ok().cacheControl(CacheControl.noStore())
                .body(report.withRejectionsUrl("/api/v1/calls/batches/" + report.batchId() + "/rejections"));
    }

    @GetMapping("/batches/{batchId}/rejections")
    @Operation(summary = "Every rejected row of one of the source's batches", description = "CSV: line,index,reasons")
    void rejections(@AuthenticationPrincipal CallSourcePrincipal source, @PathVariable UUID batchId,
                    HttpServletResponse response) throws IOException {
        if (batches.find(source.sourceId(), batchId).isEmpty()) {
            throw new UnknownSourceException.Batch(batchId);
        }
        response.setContentType("text/csv;charset=UTF-8");
        batches.writeRejections(batchId, new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
    }
}
