package org.hoptrace.campaign;

import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.hoptrace.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/campaigns")
@Tag(name = "Campaigns", description = "Robocall campaigns found in the call data, for ITG staff")
class CampaignApi {

    private final CampaignRepository campaigns;
    private final CampaignVolumes volumes;
    private final CampaignEcosystem ecosystems;
    private final CampaignTracebacks tracebacks;
    private final CampaignActions actions;

    CampaignApi(CampaignRepository campaigns, CampaignVolumes volumes, CampaignEcosystem ecosystems,
                CampaignTracebacks tracebacks, CampaignActions actions) {
        this.campaigns = campaigns;
        this.volumes = volumes;
        this.ecosystems = ecosystems;
        this.tracebacks = tracebacks;
        this.actions = actions;
    }

    @GetMapping
    @Operation(summary = "List campaigns", description = "sort: volume (calls in total, default), growth (last 24 hours "
            + "on the 24 hours before), last-seen or name; dir asc or desc (default desc, asc for name); pages count from 0; size 1 to 100")
    CampaignView.Page list(@RequestParam(required = false) String status, @RequestParam(required = false) String category,
                           @RequestParam(required = false) String sort, @RequestParam(required = false) String dir,
                           @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
        CampaignPage found = campaigns.page(CampaignFilter.of(status, category, sort, dir, page, size));
        return new CampaignView.Page(found.items().stream().map(CampaignView::of).toList(), found.page(), found.size(), found.total());
    }

    @GetMapping("/{id}")
    @Operation(summary = "Get a campaign, with the thresholds it crossed and its tracebacks")
    CampaignView get(@PathVariable UUID id) {
        return CampaignView.of(campaigns.get(id), campaigns.crossings(id), tracebacks.of(id, null));
    }

    @GetMapping("/{id}/volume")
    @Operation(summary = "Calls over time", description = "by hour or day (default); from and to ISO-8601 UTC; without "
            + "them the last 30 days (by day) or 48 hours (by hour); at most 2000 buckets; empty buckets are 0")
    CampaignView.Volume volume(@PathVariable UUID id, @RequestParam(required = false) String by,
                               @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        return volumes.of(id, by, from, to);
    }

    @GetMapping("/{id}/ecosystem")
    @Operation(summary = "The provider ecosystem", description = "Providers at each hop of the campaign's tracebacks, "
            + "the hand-offs between them, and the other campaigns each provider appears in")
    Ecosystem ecosystem(@PathVariable UUID id) {
        campaigns.get(id);
        return ecosystems.of(id);
    }

    record Change(String name, String status) {
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Rename a campaign or set its status", description = "status: new, watch or dismissed")
    CampaignView change(@PathVariable UUID id, @RequestBody Change change, Principal user) {
        return CampaignView.of(actions.change(id, change.name(), change.status(), user.getName()));
    }

    record TraceRequest(Long callId, Integer count) {
    }

    record Started(List<UUID> tracebackIds) {
    }

    @PostMapping("/{id}/tracebacks")
    @Operation(summary = "Start tracebacks", description = "On the call callId of the campaign, or on count (1 to 20, "
            + "default 1) representative calls not traced before")
    ResponseEntity<Started> trace(@PathVariable UUID id, @RequestBody(required = false) TraceRequest request, Principal user) {
        TraceRequest r = request == null ? new TraceRequest(null, null) : request;
        List<UUID> opened = actions.trace(id, r.callId(), r.count(), user.getName());
        return ResponseEntity.created(URI.create("/api/v1/tracebacks/" + opened.get(0))).body(new Started(opened));
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unknown(UnknownCampaignException e, HttpServletRequest request) {
        return Problems.answer(Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage()), request);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> state(CampaignStateException e, HttpServletRequest request) {
        return Problems.answer(Problems.of(HttpStatus.CONFLICT, "conflict", "Conflict", e.getMessage()), request);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> invalid(InvalidCampaignRequestException e, HttpServletRequest request) {
        ProblemDetail problem = Problems.invalidFields(e.fieldProblems());
        return Problems.answer(problem, request);
    }
}
