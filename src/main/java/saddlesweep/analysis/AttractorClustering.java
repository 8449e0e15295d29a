package saddlesweep.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.function.UnaryOperator;

import saddlesweep.model.Symmetry;
import saddlesweep.model.Vectors;

/**
 * Groups the attractors of the runs on one data set into distinct attractors modulo symmetry: two attractors
 * are the same when their canonical forms are within {@code tol} (Euclidean), and clusters are the connected
 * components of that relation (single linkage). The result does not depend on the order of the input.
 */
public final class AttractorClustering {

    /** One run's attractor, with the losses there. */
    public record Member(String taskId, double[] attractor, double trainLoss, double genExcess) {
    }

    /**
     * A distinct attractor: its members (ordered by task id) and its representative, the member of lowest
     * train loss (ties: smallest task id).
     */
    public record Cluster(List<Member> members, Member representative) {
        public int size() {
            return members.size();
        }
    }

    private AttractorClustering() {
    }

    /** Clusters, largest first (ties: lower representative train loss, then smaller task id). */
    public static List<Cluster> cluster(List<Member> members, double tol) {
        return cluster(members, tol, Symmetry::canonical);
    }

    /** {@link #cluster(List, double)} with another canonical form (e.g. the committee machine's, in d dimensions). */
    public static List<Cluster> cluster(List<Member> members, double tol, UnaryOperator<double[]> canonical) {
        if (!(tol >= 0)) throw new IllegalArgumentException("tol must be >= 0, got " + tol);
        return cluster(members, (a, b) -> {
            double[] ca = canonical.apply(a.attractor());
            double[] cb = canonical.apply(b.attractor());
            return ca.length == cb.length && Vectors.distance(ca, cb) <= tol;
        });
    }

    /**
     * Clusters by any symmetric relation {@code same} (single linkage: connected components), largest first
     * (ties: lower representative train loss, then smaller task id).
     */
    public static List<Cluster> cluster(List<Member> members, BiPredicate<Member, Member> same) {
        List<Member> sorted = new ArrayList<>(members);
        sorted.sort(Comparator.comparing(Member::taskId));
        int m = sorted.size();
        int[] parent = new int[m];
        for (int i = 0; i < m; i++) parent[i] = i;
        for (int i = 0; i < m; i++) {
            for (int j = i + 1; j < m; j++) {
                if (find(parent, i) != find(parent, j) && same.test(sorted.get(i), sorted.get(j))) union(parent, i, j);
            }
        }

        List<List<Member>> groups = new ArrayList<>();
        int[] groupOfRoot = new int[m];
        Arrays.fill(groupOfRoot, -1);
        for (int i = 0; i < m; i++) {
            int r = find(parent, i);
            if (groupOfRoot[r] < 0) {
                groupOfRoot[r] = groups.size();
                groups.add(new ArrayList<>());
            }
            groups.get(groupOfRoot[r]).add(sorted.get(i));
        }

        Comparator<Member> byLoss = Comparator.comparingDouble(Member::trainLoss).thenComparing(Member::taskId);
        List<Cluster> clusters = new ArrayList<>();
        for (List<Member> g : groups) clusters.add(new Cluster(List.copyOf(g), g.stream().min(byLoss).orElseThrow()));
        clusters.sort(Comparator.<Cluster>comparingInt(c -> -c.size())
                .thenComparingDouble(c -> c.representative().trainLoss())
                .thenComparing(c -> c.representative().taskId()));
        return clusters;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static void union(int[] parent, int a, int b) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra != rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
    }
}
