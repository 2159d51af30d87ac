package org.hoptrace.campaign;

import java.util.Set;
import java.util.UUID;

/**
 * Published (Spring application event, after the commit) when a detection run created campaigns or
 * added calls to them: their statistics are up to date, so their priority can be decided again.
 */
public record CampaignsUpdated(Set<UUID> campaignIds) {
}
