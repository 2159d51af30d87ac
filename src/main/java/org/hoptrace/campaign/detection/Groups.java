package org.hoptrace.campaign.detection;

/**
 * The outcome of {@link CallGrouping#group}: for each call its group, -1 if it belongs to none yet;
 * groups 0..campaigns-1 are the existing campaigns of the {@link Anchors}, the groups from {@code campaigns}
 * on are new campaigns, each with a representative call and exemplar calls (indexes into the calls).
 */
public final class Groups {

    final int campaigns;
    final int[] group;
    final int created;
    final int[] representative;
    final int[][] exemplars;
    private int[] memberStart;
    private int[] members;

    Groups(int campaigns, int[] group, int created) {
        this.campaigns = campaigns;
        this.group = group;
        this.created = created;
        this.representative = new int[created];
        this.exemplars = new int[created][];
    }

    /** The group of call i: an existing campaign (< campaigns), a new one (>= campaigns) or -1. */
    public int groupOf(int call) {
        return group[call];
    }

    /** How many new campaigns. */
    public int created() {
        return created;
    }

    public int existingCampaigns() {
        return campaigns;
    }

    /** The call that represents new campaign {@code campaigns + g}. */
    public int representative(int g) {
        return representative[g];
    }

    /** The calls whose signatures are kept for new campaign {@code campaigns + g} (none without messages). */
    public int[] exemplars(int g) {
        return exemplars[g];
    }

    /** The calls of a group (existing or new), in call order. */
    public int[] members(int groupId) {
        if (memberStart == null) {
            index();
        }
        return java.util.Arrays.copyOfRange(members, memberStart[groupId], memberStart[groupId + 1]);
    }

    private void index() {
        int groups = campaigns + created;
        memberStart = new int[groups + 1];
        for (int g : group) {
            if (g >= 0) {
                memberStart[g + 1]++;
            }
        }
        for (int g = 0; g < groups; g++) {
            memberStart[g + 1] += memberStart[g];
        }
        members = new int[memberStart[groups]];
        int[] next = java.util.Arrays.copyOf(memberStart, groups);
        for (int i = 0; i < group.length; i++) {
            if (group[i] >= 0) {
                members[next[group[i]]++] = i;
            }
        }
    }
}
