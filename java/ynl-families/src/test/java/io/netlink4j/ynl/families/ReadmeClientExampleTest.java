// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ynl.families;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's example of a generated client ("Generating a client for your own spec") compiles,
 * as written, against the classes this module generates from the kernel's netdev spec, and runs on
 * this host's kernel. The README configures {@code com.example.{family}} as the package; this module
 * generates the same classes in {@code io.netlink4j.ynl.families.{family}}, which the example's
 * source file imports instead. The block is the {@code ```java} block after the comment
 * {@code <!-- generated client: ...}, which java/ipvs's ReadmeExampleTest leaves to this test.
 */
class ReadmeClientExampleTest {
    static final String MARKER = "<!-- generated client:";
    private static final Pattern BLOCK = Pattern.compile(Pattern.quote(MARKER) + "[^\\n]*-->\\n```java\\n(.*?)```", Pattern.DOTALL);
    private static final String IMPORTS = String.join("\n",
            "import io.netlink4j.*;",
            "import io.netlink4j.ynl.families.netdev.*;",
            "import java.util.*;");

    @Test
    void theExampleCompilesAgainstTheGeneratedClasses() throws IOException {
        Path dir = Files.createTempDirectory("readme-client");
        try {
            Javac result = javac(dir, block(readme()));
            assertEquals(0, result.exit(), () -> "README.md's generated client example does not compile:\n" + result.output());
        } finally {
            delete(dir);
        }
    }

    @Test
    void aBrokenExampleIsCaught() throws IOException {
        Path dir = Files.createTempDirectory("readme-client");
        try {
            String broken = block(readme()).replace("devGetDump()", "devGetAll()");
            Javac result = javac(dir, broken);
            assertNotEquals(0, result.exit(), result::output);
            assertTrue(result.output().contains("devGetAll"), result::output);
        } finally {
            delete(dir);
        }
    }

    /** The example, run in this JVM's network namespace: it prints a line per device, {@code lo} (index 1) among them. */
    @Tag("kernel")
    @Test
    void theExampleRunsOnThisKernel() throws Exception {
        Path dir = Files.createTempDirectory("readme-client");
        PrintStream stdout = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try {
            Javac result = javac(dir, block(readme()));
            assertEquals(0, result.exit(), result::output);
            try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.resolve("classes").toUri().toURL()},
                    ReadmeClientExampleTest.class.getClassLoader())) {
                System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
                loader.loadClass("ReadmeClientExample").getDeclaredMethod("run").invoke(null);
            } catch (InvocationTargetException e) {
                throw new AssertionError("the README's example failed", e.getCause());
            } finally {
                System.setOut(stdout);
            }
        } finally {
            delete(dir);
        }
        String out = printed.toString(StandardCharsets.UTF_8);
        List<String> lines = out.lines().toList();
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("1 ")), out);
        assertTrue(lines.stream().allMatch(l -> l.matches("\\d+ .+")), out);
    }

    /** The marked block of {@code markdown}; there must be exactly one. */
    static String block(String markdown) {
        Matcher m = BLOCK.matcher(markdown);
        List<String> blocks = new ArrayList<>();
        while (m.find()) {
            blocks.add(m.group(1));
        }
        assertEquals(1, blocks.size(), "README.md's ```java blocks after '" + MARKER + " ... -->' (expected: the generated client example)");
        return blocks.get(0);
    }

    private record Javac(int exit, String output) {
    }

    /** Compiles the block as the body of {@code ReadmeClientExample.run()} into {@code dir/classes}. */
    private static Javac javac(Path dir, String block) throws IOException {
        String source = IMPORTS + "\n\npublic class ReadmeClientExample {\n    public static void run() throws Exception {\n" + block + "\n    }\n}\n";
        Path file = dir.resolve("ReadmeClientExample.java");
        Files.writeString(file, source);
        List<String> args = List.of("-d", dir.resolve("classes").toString(), "-classpath", System.getProperty("java.class.path"),
                "-proc:none", "-Xlint:none", file.toString());
        ToolProvider javac = ToolProvider.findFirst("javac").orElseThrow(() -> new AssertionError("no javac in this JDK"));
        StringWriter out = new StringWriter();
        try (PrintWriter w = new PrintWriter(out)) {
            int exit = javac.run(w, w, args.toArray(String[]::new));
            w.flush();
            return new Javac(exit, out.toString());
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static String readme() throws IOException {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path readme = dir.resolve("README.md");
            if (Files.isRegularFile(readme) && Files.isRegularFile(dir.resolve("CMakeLists.txt"))) {
                return Files.readString(readme);
            }
        }
        throw new IOException("README.md of the repository not found above " + Path.of("").toAbsolutePath());
    }
}
