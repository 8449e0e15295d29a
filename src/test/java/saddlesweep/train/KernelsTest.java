package saddlesweep.train;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import saddlesweep.model.DataSet;

/** {@link Kernels}: the Vector API kernel by default (module present in tests), the property overrides. */
class KernelsTest {

    private static final DataSet DATA = new DataSet(new double[]{0.1, -0.4, 2}, new double[]{0.3, 0.2, -1});

    @AfterEach
    void clear() {
        System.clearProperty(Kernels.PROPERTY);
    }

    @Test
    void vectorByDefaultWhenTheModuleIsPresent() {
        assertTrue(Kernels.vectorApiPresent(), "tests run with --add-modules=jdk.incubator.vector");
        assertEquals("vector", Kernels.choice());
        assertInstanceOf(VectorKernel.class, Kernels.forData(DATA));
    }

    @Test
    void propertyOverrides() {
        System.setProperty(Kernels.PROPERTY, "scalar");
        assertInstanceOf(ScalarKernel.class, Kernels.forData(DATA));
        System.setProperty(Kernels.PROPERTY, " Vector ");
        assertInstanceOf(VectorKernel.class, Kernels.forData(DATA));
        System.setProperty(Kernels.PROPERTY, "twin");
        assertInstanceOf(VectorKernelTwin.class, Kernels.forData(DATA));
        assertEquals(3, Kernels.forData(DATA).samples());
    }

    @Test
    void unknownNameIsAClearError() {
        System.setProperty(Kernels.PROPERTY, "gpu");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Kernels.forData(DATA));
        assertTrue(e.getMessage().contains("saddlesweep.kernel") && e.getMessage().contains("gpu"), e.getMessage());
    }
}
