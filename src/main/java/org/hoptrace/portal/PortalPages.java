package org.hoptrace.portal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.hoptrace.document.DocumentStore;
import org.hoptrace.portal.HopViews.AnswerView;
import org.hoptrace.provider.Provider;
import org.hoptrace.provider.ProviderRepository;
import org.hoptrace.traceback.Hop;
import org.hoptrace.traceback.Traceback;
import org.hoptrace.traceback.TracebackRepository;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** What the portal pages show of a hop: the call, the deadline, the form or the recorded answer. Times in UTC. */
@Component
class PortalPages {

    static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final int SEARCH_RESULTS = 20;

    private final TracebackRepository tracebacks;
    private final ProviderRepository providers;
    private final AnswerSubmission submission;
    private final DocumentStore documents;
    private final Clock clock;

    PortalPages(TracebackRepository tracebacks, ProviderRepository providers, AnswerSubmission submission,
                DocumentStore documents, Clock clock) {
        this.tracebacks = tracebacks;
        this.providers = providers;
        this.submission = submission;
        this.documents = documents;
        this.clock = clock;
    }

    /** A hop in a list: its traceback, the deadline and the time left. */
    record HopRow(Hop hop, Traceback traceback, String callTime, String deadline, String remaining, boolean overdue) {
    }

    HopRow row(Hop hop) {
        Instant now = clock.instant();
        Traceback traceback = tracebacks.get(hop.tracebackId());
        return new HopRow(hop, traceback, UTC.format(traceback.callTime()),
                hop.deadline() == null ? "–" : UTC.format(hop.deadline()), Countdown.until(hop.deadline(), now),
                hop.deadline() != null && now.isAfter(hop.deadline()));
    }

    List<HopRow> openHopsOf(UUID providerId) {
        return tracebacks.openHopsOf(providerId).stream().map(this::row).toList();
    }

    /** The hop page: details, and the form (with what was typed and the problems) or the answer recorded. */
    void hop(Model model, Hop hop, String token, AnswerForm form, Map<String, String> errors, String query) {
        String tokenQuery = token == null || token.isBlank() ? "" : "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        model.addAttribute("row", row(hop));
        model.addAttribute("providerName", providers.get(hop.providerId()).legalName());
        model.addAttribute("token", tokenQuery.isEmpty() ? null : token);
        model.addAttribute("tokenQuery", tokenQuery);
        model.addAttribute("formAction", "/portal/hops/" + hop.id() + tokenQuery);
        model.addAttribute("cancelled", hop.status() == Hop.Status.CANCELLED);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("query", query);
        model.addAttribute("searchResults", searchResults(query, form));
        model.addAttribute("maxSize", megabytes(documents.maxSize()));
        answer(model, hop.id());
    }

    /** The recorded answer, its evidence and the upstream provider's name, if the hop was answered. */
    void answer(Model model, UUID hopId) {
        Optional<AnswerView> answer = submission.recorded(hopId, "");
        model.addAttribute("answer", answer.orElse(null));
        model.addAttribute("upstreamProvider", answer.map(AnswerView::upstreamProviderId).flatMap(providers::find)
                .map(provider -> provider.legalName() + " (" + provider.country() + ")").orElse(null));
        model.addAttribute("receivedAt", answer.map(a -> UTC.format(a.receivedAt())).orElse(null));
    }

    /** The providers matching the search, and the one chosen before, so that a re-shown form keeps the choice. */
    private List<Provider> searchResults(String query, AnswerForm form) {
        if (query != null && !query.isBlank()) {
            return providers.search(query.strip(), SEARCH_RESULTS);
        }
        try {
            return form.getUpstreamProviderId() == null || form.getUpstreamProviderId().isBlank() ? List.of()
                    : providers.find(UUID.fromString(form.getUpstreamProviderId().strip())).stream().toList();
        } catch (IllegalArgumentException notAnId) {
            return List.of();
        }
    }

    private static String megabytes(long bytes) {
        long mb = bytes / (1024 * 1024);
        return mb * 1024 * 1024 == bytes ? mb + " MB" : (bytes / 1024) + " KB";
    }
}
