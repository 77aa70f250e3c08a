// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.route;

import io.netlink4j.testsupport.Jvm;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * netlink4j on the module path, as an application module uses it: consumer modules (in
 * src/test/module-path) compiled with javac against the packaged jars of route and core and Netty's
 * jars, then run in a new JVM on this host's kernel. The module system must find the descriptors
 * valid, load the JNI shim out of the core jar, make core and Netty readable through
 * {@code requires io.netlink4j.route} alone, and refuse a module that reaches for
 * {@code io.netlink4j.internal}.
 */
@Tag("kernel")
class ModulePathIT {
    /** The runtime dependencies of route as Maven resolved them (the build writes the file). */
    private static final String MODULE_PATH_FILE = "netlink4j.modulepath.file";
    /** The route jar the build packaged. */
    private static final String ROUTE_JAR = "netlink4j.route.jar";
    private static final Path SOURCES = Path.of("src/test/module-path");

    private static List<Path> modulePath;

    @TempDir
    Path tmp;

    @BeforeAll
    static void jars() throws IOException {
        Path routeJar = Path.of(property(ROUTE_JAR));
        assertTrue(Files.isRegularFile(routeJar), "no route jar " + routeJar);
        modulePath = new ArrayList<>(List.of(routeJar));
        for (String entry : Files.readString(Path.of(property(MODULE_PATH_FILE))).trim().split(File.pathSeparator)) {
            Path jar = Path.of(entry);
            assertTrue(entry.endsWith(".jar") && Files.isRegularFile(jar), "not a jar: " + entry);
            modulePath.add(jar);
        }
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        assertTrue(value != null && !value.isEmpty(), "-D" + name + " is not set (the build sets it)");
        return value;
    }

    private static String path(List<Path> entries) {
        return entries.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    }

    @Test
    void theJarsAreExplicitModulesExportingTheirApiOnly() {
        Map<String, ModuleDescriptor> modules = new TreeMap<>();
        for (ModuleReference ref : ModuleFinder.of(modulePath.toArray(Path[]::new)).findAll()) {
            modules.put(ref.descriptor().name(), ref.descriptor());
        }
        ModuleDescriptor core = modules.get("io.netlink4j.core");
        ModuleDescriptor route = modules.get("io.netlink4j.route");
        assertTrue(core != null && route != null, "modules found: " + modules.keySet());
        assertFalse(core.isAutomatic(), "core has a descriptor");
        assertFalse(route.isAutomatic(), "route has a descriptor");

        Map<String, Set<String>> coreExports = new TreeMap<>();
        core.exports().forEach(e -> coreExports.put(e.source(), new TreeSet<>(e.targets())));
        assertEquals(Map.of(
                "io.netlink4j", Set.of(),
                "io.netlink4j.codec", Set.of(),
                "io.netlink4j.engine", Set.of(),
                "io.netlink4j.genl", Set.of(),
                "io.netlink4j.socket", Set.of(),
                "io.netlink4j.testing", Set.of(),
                "io.netlink4j.internal", Set.of("io.netlink4j.route", "io.netlink4j.ipvs")), coreExports);
        assertTrue(route.exports().stream().allMatch(e -> !e.isQualified() && !e.source().endsWith(".internal")),
                "route exports " + route.exports());
        assertTrue(route.requires().stream().anyMatch(r -> r.name().equals("io.netlink4j.core")
                && r.modifiers().contains(ModuleDescriptor.Requires.Modifier.TRANSITIVE)), "route requires " + route.requires());
        assertTrue(core.requires().stream().anyMatch(r -> r.name().equals("io.netty.buffer")
                && r.modifiers().contains(ModuleDescriptor.Requires.Modifier.TRANSITIVE)), "core requires " + core.requires());
    }

    @Test
    void aConsumerModuleTalksToTheKernel() throws Exception {
        Path classes = compileModule("consumer");
        Result run = run(List.of(Jvm.java().get(0), "--enable-native-access=io.netlink4j.core"), classes);
        assertEquals(0, run.exit, run::toString);
        assertEquals("", run.err, run::toString);
        assertEquals(List.of(
                "route module: io.netlink4j.route",
                "core module: io.netlink4j.core",
                "link 1: lo",
                // GENL_ID_CTRL, fixed by the kernel.
                "nlctrl id: 16",
                "buffer: 4e4c346a"), run.out.lines().toList(), run::toString);
    }

    @Test
    void theShimLoadsFromTheCoreJarOnTheModulePath() throws Exception {
        Result run = exec(List.of(Jvm.java().get(0), "--enable-native-access=io.netlink4j.core",
                "--module-path", path(modulePath), "-m", "io.netlink4j.core/io.netlink4j.socket.NativeLibrary"));
        assertEquals(0, run.exit, run::toString);
        Path coreJar = modulePath.stream().filter(p -> p.getFileName().toString().startsWith("netlink4j-core-"))
                .findFirst().orElseThrow();
        assertTrue(run.out.lines().anyMatch(l -> l.startsWith("loaded from:")
                        && l.contains("META-INF/native/linux-") && l.contains(" in " + coreJar + ", extracted to ")),
                run::toString);
    }

    @Test
    void onAJdkThatDeniesNativeAccessTheModuleNeedsItsFlag() throws Exception {
        Path jdk = Jvm.jdk25().orElse(null);
        assumeTrue(jdk != null, "no JDK 25 or later under " + Jvm.JVM_DIR + " and " + Jvm.JDK25_ENV + " not set");
        String java = jdk.resolve("bin/java").toString();
        Path classes = compileModule("consumer");

        Result allowed = run(List.of(java, "--illegal-native-access=deny", "--enable-native-access=io.netlink4j.core"), classes);
        assertEquals(0, allowed.exit, allowed::toString);
        assertEquals("", allowed.err, "no warning: " + allowed);
        assertTrue(allowed.out.contains("link 1: lo"), allowed::toString);

        Result denied = run(List.of(java, "--illegal-native-access=deny"), classes);
        assertNotEquals(0, denied.exit, denied::toString);
        assertTrue(denied.err.contains("native access is not enabled for module io.netlink4j.core")
                && denied.err.contains("start java with --enable-native-access=io.netlink4j.core"), denied::toString);
    }

    @Test
    void aModuleCannotReachIntoCoreInternals() throws Exception {
        Compilation modular = compile("intruder", true, tmp.resolve("intruder-modular"));
        assertNotEquals(0, modular.exit, "javac accepted io.netlink4j.internal in a module:\n" + modular.output);
        List<String> errors = modular.output.lines().filter(l -> l.contains(": error: ")).toList();
        assertEquals(1, errors.size(), modular.output);
        assertTrue(errors.get(0).contains("Main.java:5: error: package io.netlink4j.internal is not visible")
                && modular.output.contains("(package io.netlink4j.internal is declared in module io.netlink4j.core, "
                + "which does not export it to module example.intruder)"), modular.output);

        // The same source on the class path compiles: the descriptors are what refuse it.
        Compilation plain = compile("intruder", false, tmp.resolve("intruder-classpath"));
        assertEquals(0, plain.exit, plain.output);
    }

    private record Compilation(int exit, String output) {}

    /**
     * Compiles src/test/module-path/NAME with javac, as a module against the jars on the module
     * path, or (without its descriptor) against them on the class path.
     */
    private Compilation compile(String name, boolean modular, Path out) throws IOException {
        Path dir = SOURCES.resolve(name);
        // javac in this JVM would take this JVM's class path as its default: always name both paths.
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        List<String> args = new ArrayList<>(List.of("--release", "17", "-Xlint:all", "-Werror", "-d", out.toString(),
                "--module-path", modular ? path(modulePath) : empty.toString(),
                "--class-path", modular ? empty.toString() : path(modulePath)));
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> modular || !p.getFileName().toString().equals("module-info.java"))
                    .sorted().forEach(p -> args.add(p.toString()));
        }
        Files.createDirectories(out);
        ToolProvider javac = ToolProvider.findFirst("javac").orElseThrow(() -> new AssertionError("no javac in this JDK"));
        StringWriter output = new StringWriter();
        try (PrintWriter w = new PrintWriter(output)) {
            int exit = javac.run(w, w, args.toArray(String[]::new));
            w.flush();
            return new Compilation(exit, output.toString());
        }
    }

    private Path compileModule(String name) throws IOException {
        Path out = tmp.resolve(name);
        Compilation c = compile(name, true, out);
        assertEquals(0, c.exit, c.output);
        return out;
    }

    /** Runs example.consumer from {@code classes}, with the jars, on the module path only. */
    private Result run(List<String> java, Path classes) throws Exception {
        List<Path> path = new ArrayList<>(modulePath);
        path.add(0, classes);
        List<String> command = new ArrayList<>(java);
        command.addAll(List.of("--module-path", path(path), "-m", "example.consumer/example.consumer.Main"));
        return exec(command);
    }

    private Result exec(List<String> command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command);
        // Nothing from this JVM's class path: the module path is all the child has.
        pb.environment().remove("CLASSPATH");
        pb.environment().remove("JDK_JAVA_OPTIONS");
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        Path out = Files.createTempFile(tmp, "out", ".txt");
        Path err = Files.createTempFile(tmp, "err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("still running after 2 minutes: " + command);
        }
        return new Result(command, p.exitValue(), Files.readString(out), Files.readString(err));
    }

    private record Result(List<String> command, int exit, String out, String err) {
        @Override
        public String toString() {
            return String.join(" ", command) + "\nexit " + exit + "\nstdout:\n" + out + "stderr:\n" + err;
        }
    }
}
