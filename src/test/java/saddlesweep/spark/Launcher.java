package saddlesweep.spark;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * Starts {@code ./submit.sh} as a real child process, against an application jar made from the compiled
 * classes of this build ({@code SADDLESWEEP_JAR}) and the test class path's jars ({@code SADDLESWEEP_CLASSPATH}),
 * so that process tests need no {@code mvn package}.
 */
final class Launcher {

    static final Path PROJECT = Path.of(System.getProperty("user.dir"));
    /**
     * JVM options of the children: a small heap, no UI, and the client compiler only (C1): a child lives for
     * seconds, mostly starting Spark, and C1 alone takes 40 % less CPU for that (measured: a `query` 22.9 s CPU
     * with both compilers, 13.9 s with C1; a 12-task sweep 22.1 s and 13.6 s). The kernels' bits do not depend
     * on the JIT (see VectorKernel), so rows stay identical.
     */
    static final String CHILD_JAVA_OPTS = "-Xmx1g -XX:TieredStopAtLevel=1 -Dspark.ui.enabled=false";
    private static Path appJar;

    private Launcher() {
    }

    /** The exit status and the output of a finished child. */
    record Result(int exit, String stdout, String stderr) {
        /** stderr without the JVM's notice about the incubating Vector API module. */
        List<String> errorLines() {
            return stderr.lines().filter(l -> !l.isBlank() && !l.startsWith("WARNING: Using incubator modules")).toList();
        }
    }

    /** Jar files of the runtime class path (Spark and dependencies), joined with ':'. */
    static String dependencyClassPath() {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return String.join(File.pathSeparator, Arrays.stream(cp.split(File.pathSeparator))
                .filter(e -> e.endsWith(".jar") && !e.contains("surefire")).toList());
    }

    /** A jar of this build's main classes (made once per test JVM). */
    static synchronized Path appJar() {
        if (appJar != null) return appJar;
        try {
            Path classes = Path.of(SweepRunner.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path jar = Files.createTempFile("saddlesweep-test-", ".jar");
            jar.toFile().deleteOnExit();
            try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
                 Stream<Path> files = Files.walk(classes)) {
                for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                    out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace(File.separatorChar, '/')));
                    Files.copy(f, out);
                    out.closeEntry();
                }
            }
            appJar = jar;
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Starts {@code ./submit.sh ARGS} in {@code workDir}; output goes to {@code log}.out / .err. */
    static Process start(Path workDir, Path log, Map<String, String> env, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(PROJECT.resolve("submit.sh").toString());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile())
                .redirectOutput(log.resolveSibling(log.getFileName() + ".out").toFile())
                .redirectError(log.resolveSibling(log.getFileName() + ".err").toFile());
        pb.environment().remove("SPARK_HOME");
        pb.environment().put("SADDLESWEEP_JAR", appJar().toString());
        pb.environment().put("SADDLESWEEP_CLASSPATH", dependencyClassPath());
        pb.environment().put("JAVA_OPTS", CHILD_JAVA_OPTS);
        pb.environment().putAll(env);
        try {
            return pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs {@code ./submit.sh ARGS} to the end (at most {@code timeoutSeconds}). */
    static Result run(Path workDir, String name, long timeoutSeconds, String... args) {
        Path log = workDir.resolve(name);
        Process p = start(workDir, log, Map.of(), args);
        try {
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
                throw new AssertionError("./submit.sh " + String.join(" ", args) + " did not finish in " + timeoutSeconds + " s");
            }
            return new Result(p.exitValue(), read(log, ".out"), read(log, ".err"));
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static String read(Path log, String suffix) {
        try {
            Path f = log.resolveSibling(log.getFileName() + suffix);
            return Files.exists(f) ? Files.readString(f, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Kills a child with SIGKILL (and its descendants first) and waits for it. */
    static void kill9(Process p) throws InterruptedException {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        p.waitFor(30, TimeUnit.SECONDS);
    }
}
