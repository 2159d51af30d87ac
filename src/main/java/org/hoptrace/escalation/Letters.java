package org.hoptrace.escalation;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

import org.hoptrace.provider.Provider;

/** The words of the escalation notices: what each step tells the provider, the agencies and ITG staff. */
final class Letters {

    /** A cease-and-desist letter asks the provider to mitigate the traffic within this time (DOMAIN: 48 hours). */
    static final Duration MITIGATE_WITHIN = Duration.ofHours(48);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    /** What every notice is about. */
    record Case(Escalation escalation, Provider provider, List<String> flags, ProviderRecord.Facts facts,
                String baseUrl) {

        /** The provider's cooperation scorecard on the staff console. */
        String scorecardUrl() {
            return baseUrl + "/cooperation/providers/" + provider.id();
        }

        String tracebacksUrl() {
            return baseUrl + "/tracebacks?providerId=" + provider.id();
        }

        String portalUrl() {
            return baseUrl + "/portal";
        }
    }

    private Letters() {
    }

    static String when(Instant instant) {
        return instant == null ? "-" : WHEN.format(instant);
    }

    static String subject(String step, Case c) {
        return "%s: %s (%s)".formatted(Ladder.title(step), c.provider().legalName(), c.escalation().reference());
    }

    /** What the step asks of the provider, in one paragraph. */
    static String demand(String step, Instant now, Instant due) {
        return switch (step) {
            case Ladder.WARNING -> """
                    Your network did not answer one or more traceback requests in time (47 CFR 64.1200(n)(1) requires
                    an answer within 24 hours). Answer every request still waiting for you by %s. If you do,
                    this escalation closes; if not, ITG staff review your cooperation and may refer you to the
                    agencies with jurisdiction.""".formatted(when(due));
            case Ladder.REFERRAL -> """
                    ITG staff reviewed your cooperation and found it insufficient. Your network is listed as a
                    non-cooperative provider and has been referred to the agencies with jurisdiction.""";
            case Ladder.CEASE_AND_DESIST -> """
                    Cease-and-desist: stop carrying the illegal traffic. Mitigate it within 48 hours (by %s) and
                    report the measures you took within 14 days (by %s).""".formatted(when(now.plus(MITIGATE_WITHIN)), when(due));
            case Ladder.PUBLIC_NOTICE -> """
                    Public notice: your network is named publicly as a source of illegal robocalls, and downstream
                    providers are allowed to block the traffic you hand them. The next step, an initial
                    determination order, follows on %s.""".formatted(when(due));
            case Ladder.INITIAL_DETERMINATION -> """
                    Initial determination order: your network is found to have failed to mitigate illegal traffic.
                    You have 14 days, until %s, to answer it.""".formatted(when(due));
            case Ladder.FINAL_DETERMINATION -> """
                    Final determination: downstream providers must block all traffic from your network 30 days
                    after this notice, from %s.""".formatted(when(due));
            case Ladder.RMD_REMOVAL -> """
                    Your certification is removed from the Robocall Mitigation Database: providers may no longer
                    accept traffic from your network.""";
            default -> throw new IllegalArgumentException("no notice for step '" + step + "'");
        };
    }

    static String toProvider(String step, Case c, Instant now, Instant due) {
        return """
                Dear %s traceback team,

                %s

                Escalation %s. What counts against you, over the last 12 months:
                %s

                Answer waiting traceback requests in the provider portal: %s

                Hoptrace, on behalf of the industry traceback group
                """.formatted(c.provider().legalName(), demand(step, now, due), c.escalation().reference(),
                c.facts().summary(), c.portalUrl());
    }

    static String toAgency(String step, Case c, String agencyName, Instant now, Instant due) {
        return """
                To %s,

                The industry traceback group refers a non-cooperative voice service provider to you.

                Provider:     %s
                Filer id:     %s (FCC Form 499)
                RMD number:   %s
                Country:      %s
                Role:         %s
                Escalation:   %s, step "%s", period ends %s

                What the provider was told:
                %s

                Its traceback record over the last 12 months:
                %s

                Flags:
                %s

                Scorecard:  %s
                Tracebacks: %s

                Hoptrace, on behalf of the industry traceback group
                """.formatted(agencyName, c.provider().legalName(), orDash(c.provider().filer499Id()),
                orDash(c.provider().rmdNumber()), c.provider().country(), c.provider().role().code(),
                c.escalation().reference(), Ladder.title(step), when(due), demand(step, now, due), c.facts().summary(),
                flagLines(c.flags()), c.scorecardUrl(), c.tracebacksUrl());
    }

    static String toStaff(Case c, String tasklistUrl) {
        return """
                %s did not cooperate within its cure period. Escalation %s needs a review: confirm it (referral
                to the agencies and the rest of the ladder), downgrade the provider to "watch", or close it.

                Record over the last 12 months:
                %s

                Flags:
                %s

                Review task: %s (group itg-staff)
                Scorecard:   %s
                Tracebacks:  %s
                """.formatted(c.provider().legalName(), c.escalation().reference(), c.facts().summary(),
                flagLines(c.flags()), tasklistUrl, c.scorecardUrl(), c.tracebacksUrl());
    }

    static String flagLines(List<String> flags) {
        return flags.isEmpty() ? "(none)" : flags.stream().map(flag -> "- " + flag).collect(Collectors.joining("\n"));
    }

    private static String orDash(String value) {
        return value == null || value.isBlank() ? "-" : value;
    }
}
