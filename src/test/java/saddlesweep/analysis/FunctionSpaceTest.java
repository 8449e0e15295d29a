package saddlesweep.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import saddlesweep.model.ClosureForm;
import saddlesweep.model.ClosureNetwork;
import saddlesweep.model.PopulationExcess;
import saddlesweep.model.Teacher;

/**
 * Attractors counted in function space: the population L² distance against a closed form, two runs with
 * different parameters and one limit function (a point of the overlap line and the merged unit) clustered
 * together, and a drifting run's sign limit clustered with a tanh unit only when their functions agree.
 */
class FunctionSpaceTest {

    private static final PopulationExcess POP = new PopulationExcess(new Teacher(new double[] {1}, new double[] {1}), 1.0);

    private static ClosureNetwork tanh(double... wv) {
        return ClosureNetwork.ofMlp(wv);
    }

    private static ClosureNetwork sign(double v) {
        return new ClosureNetwork(new ClosureForm[] {ClosureForm.SIGN}, new double[] {v});
    }

    @Test
    void distanceOfLinearAndSignTermsHasItsClosedForm() {
        // d(c x, 0)² = c² E[x²] = c² s_x²;  d(v sign x, c x)² = v² − 2 v c E|x| + c² = v² − 2vc√(2/π) + c²
        ClosureNetwork lin = new ClosureNetwork(new ClosureForm[] {ClosureForm.LINEAR}, new double[] {0.7});
        ClosureNetwork zero = new ClosureNetwork(new ClosureForm[] {ClosureForm.LINEAR}, new double[] {0.0});
        assertEquals(0.7, FunctionDistance.between(POP, lin, zero), 1e-13);
        double v = 0.4;
        double c = 0.7;
        double exact = Math.sqrt(v * v - 2 * v * c * Math.sqrt(2 / Math.PI) + c * c);
        assertEquals(exact, FunctionDistance.between(POP, sign(v), lin), 1e-13);
    }

    @Test
    void anOverlapPointAndItsMergedUnitAreOneAttractor() {
        Map<String, ClosureNetwork> limits = new HashMap<>();
        limits.put("a", tanh(1.2, 1.2, 0.3, 0.5));       // overlap line (w, w, a, b)
        limits.put("b", tanh(-1.2, -0.8));               // the merged unit (w, a + b), flipped
        limits.put("c", tanh(1.2, 1.2, 0.1, 0.7));       // another point of the same line
        limits.put("d", tanh(1.3, 0.8));                 // a different function
        List<AttractorClustering.Member> members = limits.keySet().stream().sorted()
                .map(k -> new AttractorClustering.Member(k, limits.get(k).params(), 0, 0)).toList();
        List<AttractorClustering.Cluster> clusters = AttractorClustering.cluster(members,
                (x, y) -> FunctionDistance.between(POP, limits.get(x.taskId()), limits.get(y.taskId())) <= AnalysisSettings.DEFAULT_FN_CLUSTER_TOL);
        assertEquals(2, clusters.size());
        assertEquals(3, clusters.get(0).size());
        assertEquals(List.of("a", "b", "c"), clusters.get(0).members().stream().map(AttractorClustering.Member::taskId).toList());
        assertTrue(FunctionDistance.between(POP, limits.get("a"), limits.get("d")) > 1e-3);
    }

    @Test
    void aSaturatingLimitIsATanhUnitOnlyWhereTheFunctionsAgree() {
        double v = 0.6;
        // d(v sign x, v tanh(w x))² = v² E[(1 − tanh(w|x|))²] → v² · 2φ(0) (2 ln 2 − 1) / w for large w
        double far = FunctionDistance.between(POP, sign(v), tanh(10, v));
        double near = FunctionDistance.between(POP, sign(v), tanh(1e14, v));
        assertTrue(far > 1e-2, "w = 10: " + far);
        assertTrue(near < AnalysisSettings.DEFAULT_FN_CLUSTER_TOL, "w = 1e14: " + near);
        // the 1/√w law: E[(1 − tanh(w|x|))²] ≈ (2/w) φ(0) ∫_0^∞ (1 − tanh u)² du, and ∫_0^∞ (1 − tanh u)² du = 2 ln 2 − 1
        double d1 = FunctionDistance.between(POP, sign(v), tanh(1e4, v));
        double d2 = FunctionDistance.between(POP, sign(v), tanh(4e4, v));
        assertEquals(2.0, d1 / d2, 1e-3);
        double phi0 = 1 / Math.sqrt(2 * Math.PI);
        double exact = v * Math.sqrt(2 * phi0 * (2 * Math.log(2) - 1) / 1e4);
        assertEquals(exact, d1, 1e-6 * exact);
    }
}
