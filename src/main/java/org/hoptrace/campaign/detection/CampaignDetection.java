package org.hoptrace.campaign.detection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;

import javax.sql.DataSource;

import org.hoptrace.campaign.CampaignsUpdated;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A detection run (docs/campaign-detection.md): the calls still waiting for a campaign, then every call
 * detection has not looked at, chunk by chunk, grouped with {@link CallGrouping} against the existing
 * campaigns; each chunk's outcome is committed on its own. One run at a time in the whole installation (a
 * PostgreSQL advisory lock); {@link CampaignsUpdated} is published after the run, outside any transaction.
 */
@Service
public class CampaignDetection {

    /** The advisory lock key: "HTCMPD" in ASCII. */
    static final long LOCK_KEY = 0x4854_434D_5044L;
    private static final Logger log = LoggerFactory.getLogger(CampaignDetection.class);

    private final DetectionStore store;
    private final DetectionSettings settings;
    private final DataSource dataSource;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final CalledStates states = new CalledStates();
    private final ReentrantLock running = new ReentrantLock();

    CampaignDetection(DetectionStore store, DetectionSettings settings, DataSource dataSource,
                      TransactionTemplate transactions, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.settings = settings;
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.events = events;
        this.clock = clock;
    }

    /** Runs now, after a run of this process in progress; skipped if another process is running one. */
    public DetectionRun run() {
        running.lock();
        try (Connection lock = dataSource.getConnection()) {
            if (!advisoryLock(lock, "pg_try_advisory_lock")) {
                log.info("Campaign detection skipped: another process is running it");
                return DetectionRun.skippedRun();
            }
            Set<UUID> changed = new LinkedHashSet<>();
            try {
                return detect(changed);
            } finally {
                advisoryLock(lock, "pg_advisory_unlock");
                if (!changed.isEmpty()) {
                    events.publishEvent(new CampaignsUpdated(Set.copyOf(changed)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not take the campaign detection lock: " + e.getMessage(), e);
        } finally {
            running.unlock();
        }
    }

    private DetectionRun detect(Set<UUID> changed) {
        long started = System.nanoTime();
        PhaseTimes times = new PhaseTimes();
        DetectionParameters parameters = settings.parameters();
        CallGrouping grouping = new CallGrouping(parameters);
        KnownCampaigns known = store.campaigns(parameters.hashes());
        times.lap("campaigns");
        CallColumns calls = new CallColumns(Math.min(settings.chunkSize(), 100_000), parameters.hashes());
        Instant now = clock.instant();
        store.pending(calls, now.minus(settings.pendingWindow()), settings.maxPending());
        times.lap("pending");
        long newCalls = 0;
        long assigned = 0;
        int created = 0;
        while (true) {
            int waiting = calls.size();
            int read = store.unchecked(calls, settings.chunkSize());
            times.lap("read");
            if (read == 0) {
                break;
            }
            newCalls += read;
            calls.sign(parameters);
            times.lap("sign");
            store.keys(known, calls);
            times.lap("keys");
            Groups groups = grouping.group(known.anchors, calls);
            times.lap("group");
            Instant at = clock.instant();
            ChunkOutcome outcome = transactions.execute(status -> apply(known, calls, groups, waiting, at, times));
            times.lap("commit");
            changed.addAll(outcome.changed());
            assigned += outcome.assigned();
            created += groups.created();
            keepWaiting(calls, groups);
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        if (newCalls > 0) {
            log.info("Campaign detection: {} new calls in {} ms, {} assigned to campaigns, {} campaigns created, {} changed",
                    newCalls, millis, assigned, created, changed.size());
            log.debug("Campaign detection phases: {}", times);
        }
        return new DetectionRun(false, newCalls, assigned, created, Set.copyOf(changed), millis);
    }

    private record ChunkOutcome(Set<UUID> changed, long assigned) {
    }

    private ChunkOutcome apply(KnownCampaigns known, CallColumns calls, Groups groups, int firstNew, Instant at,
                               PhaseTimes times) {
        times.lap("transaction start");
        int existing = groups.existingCampaigns();
        UUID[] campaignOf = new UUID[existing + groups.created()];
        for (int c = 0; c < existing; c++) {
            campaignOf[c] = known.id(c);
        }
        DetectionStore.NewCampaigns newCampaigns = new DetectionStore.NewCampaigns();
        for (int g = 0; g < groups.created(); g++) {
            campaignOf[existing + g] = create(known, calls, groups, g, at, newCampaigns);
        }
        store.insertCampaigns(newCampaigns, at);
        times.lap("create campaigns");
        DetectionStore.Assignments assignments = new DetectionStore.Assignments();
        for (int i = 0; i < calls.size(); i++) {
            int group = groups.groupOf(i);
            if (group < 0) {
                if (i >= firstNew) {
                    assignments.unchecked(calls.callIds[i]);
                }
                continue;
            }
            UUID campaign = campaignOf[group];
            assignments.call(calls.callIds[i], campaign, states.of(calls.calledStates[i], calls.called[i]));
            addKeys(assignments, campaign, calls, i);
        }
        times.lap("collect assignments");
        Set<UUID> changed = store.apply(assignments, at, times);
        return new ChunkOutcome(changed, assignments.assigned);
    }

    private static void addKeys(DetectionStore.Assignments assignments, UUID campaign, CallColumns calls, int i) {
        if (calls.callback[i] != 0) {
            assignments.key(campaign, KeyKind.CALLBACK, calls.callback[i]);
        }
        if (calls.calling[i] != 0) {
            assignments.key(campaign, KeyKind.CALLING, calls.calling[i]);
        }
        long prefix = KeyKind.prefix(calls.calling[i]);
        if (calls.shingles[i] == 0 && calls.callback[i] == 0 && prefix != 0) {
            if (prefix == KeyKind.prefix(calls.called[i])) {
                assignments.key(campaign, KeyKind.NEIGHBOUR, calls.origination[i]);
            } else {
                assignments.key(campaign, KeyKind.PREFIX, prefix);
            }
        }
    }

    private UUID create(KnownCampaigns known, CallColumns calls, Groups groups, int g, Instant at,
                        DetectionStore.NewCampaigns newCampaigns) {
        UUID id = UUID.randomUUID();
        int representative = groups.representative(g);
        String transcript = calls.shingles[representative] > 0 ? calls.transcripts[representative] : null;
        List<String> verdicts = new ArrayList<>();
        for (int member : groups.members(groups.existingCampaigns() + g)) {
            if (verdicts.size() < 200 && calls.verdicts[member] != null) {
                verdicts.add(calls.verdicts[member]);
            }
        }
        newCampaigns.campaign(id, at.atZone(ZoneOffset.UTC).getYear(),
                Categories.name(transcript, fallbackName(calls, representative)), Categories.guess(transcript, verdicts),
                transcript);
        int number = known.add(id);
        int[] exemplars = groups.exemplars(g);
        for (int e = 0; e < exemplars.length; e++) {
            int call = exemplars[e];
            int[] signature = java.util.Arrays.copyOfRange(calls.signatures, call * calls.k, (call + 1) * calls.k);
            newCampaigns.signature(id, e, calls.shingles[call], signature);
            known.anchors.addExemplar(number, calls.shingles[call], signature);
        }
        return id;
    }

    private static String fallbackName(CallColumns calls, int call) {
        if (calls.callback[call] != 0) {
            return "Callback +" + calls.callback[call];
        }
        long prefix = KeyKind.prefix(calls.calling[call]);
        if (prefix != 0 && prefix == KeyKind.prefix(calls.called[call])) {
            return "Neighbour-spoofed calls";
        }
        return prefix != 0 ? "Calls from +" + prefix + "xxxx" : "Calls from +" + calls.calling[call];
    }

    /** Keeps the calls without campaign for the next chunk, at most max-pending (the most recent ids). */
    private void keepWaiting(CallColumns calls, Groups groups) {
        boolean[] keep = new boolean[calls.size()];
        int waiting = 0;
        for (int i = calls.size() - 1; i >= 0; i--) {
            keep[i] = groups.groupOf(i) < 0 && waiting < settings.maxPending();
            if (keep[i]) {
                waiting++;
            }
        }
        calls.retain(keep);
    }

    private static boolean advisoryLock(Connection connection, String function) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("select " + function + "(?)")) {
            statement.setLong(1, LOCK_KEY);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }
}
