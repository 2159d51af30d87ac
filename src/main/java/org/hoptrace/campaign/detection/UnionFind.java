package org.hoptrace.campaign.detection;

import java.util.Arrays;

/**
 * Disjoint sets over int nodes where a set may carry a campaign label: two sets with different labels
 * are never joined, so existing campaigns are not merged by the calls between them.
 */
final class UnionFind {

    private final int[] parent;
    private final int[] size;
    private final int[] label;

    UnionFind(int nodes) {
        parent = new int[nodes];
        size = new int[nodes];
        label = new int[nodes];
        for (int i = 0; i < nodes; i++) {
            parent[i] = i;
        }
        Arrays.fill(size, 1);
        Arrays.fill(label, -1);
    }

    void label(int node, int campaign) {
        label[find(node)] = campaign;
    }

    int labelOf(int node) {
        return label[find(node)];
    }

    int find(int node) {
        int x = node;
        while (parent[x] != x) {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        return x;
    }

    /** Joins the sets of a and b unless they carry different labels; true if they are (now) one set. */
    boolean union(int a, int b) {
        int ra = find(a);
        int rb = find(b);
        if (ra == rb) {
            return true;
        }
        int la = label[ra];
        int lb = label[rb];
        if (la >= 0 && lb >= 0 && la != lb) {
            return false;
        }
        if (size[ra] < size[rb]) {
            int t = ra;
            ra = rb;
            rb = t;
        }
        parent[rb] = ra;
        size[ra] += size[rb];
        label[ra] = Math.max(la, lb);
        return true;
    }
}
