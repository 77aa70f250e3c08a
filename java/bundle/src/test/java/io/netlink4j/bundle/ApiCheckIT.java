// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.bundle;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The API check of the parent POM (docs/api.md), run by Maven on a small library module made for
 * the test: a module with a descriptor and this project's parent, checked against a baseline jar
 * that javac builds from the module's first version. Removing a public method breaks the build and
 * the failure names it; changes in an internal package do not. Maven runs offline: the reactor
 * around this test has fetched every plugin.
 */
class ApiCheckIT {
    private static final String API = """
            package example.api;

            /** The API. */
            public final class Greeter {
                private Greeter() {}

                /** Says hello. */
                public static String hello() {
                    return "hello";
                }
            %s}
            """;
    private static final String GOODBYE = """

                /** Says goodbye. */
                public static String goodbye() {
                    return "goodbye";
                }
            """;

    @TempDir
    Path tmp;

    private Path module;
    private Path baseline;

    @BeforeEach
    void baseline() throws IOException {
        module = tmp.resolve("netlink4j-apicheck");
        baseline = Files.createDirectories(tmp.resolve("baseline"));
        Path root = Path.of(property("netlink4j.root")).toAbsolutePath().normalize();
        Files.createDirectories(module);
        Files.writeString(module.resolve("pom.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0">
                  <modelVersion>4.0.0</modelVersion>
                  <parent>
                    <groupId>io.netlink4j</groupId>
                    <artifactId>netlink4j-parent</artifactId>
                    <version>%s</version>
                    <relativePath>%s</relativePath>
                  </parent>
                  <artifactId>netlink4j-apicheck</artifactId>
                </project>
                """.formatted(property("netlink4j.version"), module.relativize(root.resolve("pom.xml"))));
        write("module-info.java", "/** A library. */ module example.lib { exports example.api; }");
        write("example/api/Greeter.java", API.formatted(GOODBYE));
        write("example/internal/Helper.java", "package example.internal; /** Not API. */ public final class Helper {"
                + " private Helper() {} /** Gone later. */ public static int gone() { return 1; } }");
        jarOfClasses(baseline.resolve("netlink4j-apicheck.jar"));
    }

    @Test
    void anUnchangedApiPassesAndInternalChangesAreNotApi() throws Exception {
        write("example/internal/Helper.java", "package example.internal; /** Not API. */ public final class Helper {"
                + " private Helper() {} }");
        Result r = maven();
        assertEquals(0, r.exit, r::toString);
    }

    @Test
    void aRemovedMethodBreaksTheBuildAndIsNamed() throws Exception {
        write("example/api/Greeter.java", API.formatted(""));
        Result r = maven();
        assertNotEquals(0, r.exit, r::toString);
        assertTrue(r.output.contains("japicmp") && r.output.contains("example.api.Greeter")
                && r.output.contains("goodbye()") && r.output.contains("METHOD_REMOVED"), r::toString);
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        assertTrue(value != null && !value.isEmpty(), "-D" + name + " is not set (the build sets it)");
        return value;
    }

    private void write(String source, String text) throws IOException {
        Path file = module.resolve("src/main/java").resolve(source);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    /** The module's classes, compiled by javac as they are now, in a jar like api/baseline's. */
    private void jarOfClasses(Path jar) throws IOException {
        Path classes = Files.createDirectories(tmp.resolve("baseline-classes"));
        List<String> args = new ArrayList<>(List.of("--release", "17", "-d", classes.toString()));
        try (Stream<Path> walk = Files.walk(module.resolve("src/main/java"))) {
            walk.filter(p -> p.toString().endsWith(".java")).sorted().forEach(p -> args.add(p.toString()));
        }
        StringWriter out = new StringWriter();
        int exit = ToolProvider.findFirst("javac").orElseThrow().run(new PrintWriter(out, true), new PrintWriter(out, true),
                args.toArray(String[]::new));
        assertEquals(0, exit, out::toString);
        try (OutputStream o = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(o);
             Stream<Path> walk = Files.walk(classes)) {
            for (Path c : walk.filter(Files::isRegularFile).sorted().toList()) {
                j.putNextEntry(new JarEntry(classes.relativize(c).toString()));
                j.write(Files.readAllBytes(c));
                j.closeEntry();
            }
        }
    }

    private Result maven() throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(property("maven.home"), "bin", "mvn").toString(),
                "-B", "-ntp", "-o", "-Dstyle.color=never", "-f", module.resolve("pom.xml").toString(),
                "-Dmaven.repo.local=" + property("netlink4j.maven.repo"),
                "-Dnetlink4j.api.baseline.dir=" + baseline,
                "-Dmaven.javadoc.skip=true", "-Dmaven.source.skip=true", "-Dmaven.test.skip=true", "verify"));
        ProcessBuilder pb = new ProcessBuilder(command).directory(module.toFile()).redirectErrorStream(true);
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Path log = Files.createTempFile(tmp, "maven", ".log");
        pb.redirectOutput(log.toFile());
        Process p = pb.start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("Maven still running after 5 minutes: " + command);
        }
        return new Result(command, p.exitValue(), Files.readString(log));
    }

    private record Result(List<String> command, int exit, String output) {
        @Override
        public String toString() {
            return String.join(" ", command) + "\nexit " + exit + "\n" + output;
        }
    }
}
