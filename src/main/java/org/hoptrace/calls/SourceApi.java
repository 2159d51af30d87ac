package org.hoptrace.calls;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The data source registry for ITG staff (docs/calls.md). A key appears only in the answer that issued it. */
@RestController
@RequestMapping("/api/v1/sources")
@Tag(name = "Data sources", description = "Carriers, blocking apps and complaint feeds that send call data, for ITG staff")
class SourceApi extends CallProblems {

    private static final int RECENT_BATCHES = 50;

    private final CallSourceRepository sources;
    private final SourceService service;
    private final CallIngestion ingestion;
    private final CallBatchRepository batches;

    SourceApi(CallSourceRepository sources, SourceService service, CallIngestion ingestion, CallBatchRepository batches) {
        this.sources = sources;
        this.service = service;
        this.ingestion = ingestion;
        this.batches = batches;
    }

    @GetMapping
    @Operation(summary = "List sources with their ingestion status (accepted, rejected, last seen)")
    List<SourceView> list() {
        return sources.all().stream().map(SourceView::of).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "Get a source")
    SourceView get(@PathVariable UUID id) {
        return SourceView.of(sources.get(id));
    }

    @PostMapping
    @Operation(summary = "Register a source", description = "Returns its API key once (apiKey); Hoptrace keeps only "
            + "its bcrypt hash. terminatingProviderId (optional) names the registered provider that terminates the "
            + "source's calls. A name in use answers 409, an unknown provider 400.")
    ResponseEntity<SourceView> create(@RequestBody SourceDraft draft) {
        SourceService.Registered registered = service.register(draft);
        URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}")
                .buildAndExpand(registered.source().id()).toUri();
        return ResponseEntity.created(location).cacheControl(CacheControl.noStore())
                .body(SourceView.of(registered.source(), registered.key()));
    }

    /** The body of PUT /{id}/terminating-provider. */
    record TerminatingProvider(UUID terminatingProviderId) {
    }

    @PutMapping("/{id}/terminating-provider")
    @Operation(summary = "Set the provider that terminates the source's calls", description = "A provider of the "
            + "registry (terminatingProviderId; null removes it): automatic tracebacks of the source's calls ask it "
            + "first. An unknown provider answers 400.")
    SourceView setTerminatingProvider(@PathVariable UUID id, @RequestBody TerminatingProvider body) {
        return SourceView.of(service.setTerminatingProvider(id, body.terminatingProviderId()));
    }

    @PostMapping("/{id}/api-key")
    @Operation(summary = "Issue a new API key", description = "Returned once; the previous key stops working.")
    ResponseEntity<SourceView> issueKey(@PathVariable UUID id) {
        SourceKey key = service.issueKey(id);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(SourceView.of(sources.get(id), key));
    }

    @PostMapping(path = "/{id}/calls", consumes = {MediaType.APPLICATION_JSON_VALUE, CallFormat.NDJSON_TYPE,
            "application/ndjson", "text/csv"})
    @Operation(summary = "Load a batch of calls for a source", description = "For staff loading a file a source "
            + "delivered (e.g. an FCC or FTC complaint export): the same formats and answer as POST /api/v1/calls, "
            + "recorded as received by the staff member.")
    ResponseEntity<IngestReport> load(@PathVariable UUID id, @RequestParam(required = false) String layout,
                                      Principal staff, HttpServletRequest request) throws IOException {
        MediaType type = MediaType.parseMediaType(request.getContentType());
        IngestReport report = ingestion.ingest(id, CallIngestion.Channel.API, staff.getName(),
                CallFormat.of(type).orElseThrow(), layout, CallFormat.charsetOf(type), request.getInputStream());
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(report.withRejectionsUrl(
                "/api/v1/sources/" + id + "/batches/" + report.batchId() + "/rejections"));
    }

    @GetMapping("/{id}/batches")
    @Operation(summary = "The source's latest batches (50), newest first")
    List<CallBatch> batches(@PathVariable UUID id) {
        sources.get(id);
        return batches.recent(id, RECENT_BATCHES);
    }

    @GetMapping("/{id}/batches/{batchId}/rejections")
    @Operation(summary = "Every rejected row of a batch", description = "CSV: line,index,reasons")
    void rejections(@PathVariable UUID id, @PathVariable UUID batchId, HttpServletResponse response) throws IOException {
        if (batches.find(id, batchId).isEmpty()) {
            throw new UnknownSourceException.Batch(batchId);
        }
        response.setContentType("text/csv;charset=UTF-8");
        batches.writeRejections(batchId, new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
    }
}
