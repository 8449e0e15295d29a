package saddlesweep.analysis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import saddlesweep.analysis.AttractorClustering.Cluster;
import saddlesweep.analysis.AttractorClustering.Member;

class AttractorClusteringTest {

    private static Member m(String id, double loss, double... theta) {
        return new Member(id, theta, loss, 10 * loss);
    }

    @Test
    void symmetricCopiesOfOnePointAreOneAttractor() {
        // θ = (w1, w2, v1, v2); permuting units and flipping (w_i, v_i) signs gives the same network
        List<Member> ms = List.of(
                m("a", 0.10, 0.5, 3.0, 1.0, 1.0),
                m("b", 0.10, 3.0, 0.5, 1.0, 1.0),
                m("c", 0.10, -0.5, 3.0, -1.0, 1.0),
                m("d", 0.10, -3.0, -0.5, -1.0, -1.0));
        List<Cluster> cs = AttractorClustering.cluster(ms, 1e-9);
        assertEquals(1, cs.size());
        assertEquals(4, cs.get(0).size());
        assertEquals("a", cs.get(0).representative().taskId());
    }

    @Test
    void pointsBeyondTheToleranceAreDistinctAndLargestClusterComesFirst() {
        List<Member> ms = List.of(
                m("r1", 0.20, 1.0, 0.0, 1.0, 0.0),
                m("s1", 0.30, 0.5, 3.0, 1.0, 1.0),
                m("s2", 0.29, 0.5 + 4e-5, 3.0, 1.0, 1.0),
                m("s3", 0.31, 3.0, 0.5 - 3e-5, 1.0, 1.0),
                m("t1", 0.05, 2.0, 2.0 + 1e-3, 1.0, -1.0));
        List<Cluster> cs = AttractorClustering.cluster(ms, 1e-4);
        assertEquals(3, cs.size());
        assertEquals(3, cs.get(0).size());
        assertEquals("s2", cs.get(0).representative().taskId(), "lowest train loss represents the cluster");
        assertEquals(List.of("s1", "s2", "s3"), cs.get(0).members().stream().map(Member::taskId).toList());
        // equal sizes: lower train loss first
        assertEquals("t1", cs.get(1).representative().taskId());
        assertEquals("r1", cs.get(2).representative().taskId());
    }

    @Test
    void singleLinkageChainsNeighbours() {
        // 0 — 0.8e-4 — 1.6e-4: the ends are 1.6e-4 apart but linked through the middle
        List<Member> ms = List.of(m("x", 1, 1.0, 1.0), m("y", 1, 1.0 + 0.8e-4, 1.0), m("z", 1, 1.0 + 1.6e-4, 1.0));
        assertEquals(1, AttractorClustering.cluster(ms, 1e-4).size());
        assertEquals(3, AttractorClustering.cluster(ms, 0.5e-4).size());
    }

    @Test
    void resultDoesNotDependOnInputOrder() {
        Random rnd = new Random(7);
        List<Member> ms = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            double w = 1 + rnd.nextInt(4);
            ms.add(m(String.format("t%02d", i), rnd.nextDouble(), w + 1e-6 * rnd.nextGaussian(), 1.0 + w));
        }
        List<Cluster> ref = AttractorClustering.cluster(ms, 1e-4);
        assertEquals(4, ref.size());
        assertEquals(60, ref.stream().mapToInt(Cluster::size).sum());
        for (int k = 0; k < 5; k++) {
            List<Member> shuffled = new ArrayList<>(ms);
            Collections.shuffle(shuffled, new Random(k));
            List<Cluster> cs = AttractorClustering.cluster(shuffled, 1e-4);
            assertEquals(ref.size(), cs.size());
            for (int c = 0; c < cs.size(); c++) {
                assertEquals(ref.get(c).members(), cs.get(c).members());
                assertEquals(ref.get(c).representative(), cs.get(c).representative());
            }
        }
    }

    @Test
    void emptyInputHasNoClusters() {
        assertTrue(AttractorClustering.cluster(List.of(), 1e-4).isEmpty());
    }

    @Test
    void representativeKeepsItsOwnCoordinates() {
        Cluster c = AttractorClustering.cluster(List.of(m("only", 0.5, -2.0, 1.0, -3.0, 4.0)), 1e-4).get(0);
        assertArrayEquals(new double[] {-2.0, 1.0, -3.0, 4.0}, c.representative().attractor());
    }
}
