// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ipvs;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
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
 * The README's Java examples compile, as written, against this build's jars: each {@code ```java}
 * block becomes the body of a method (with the imports a user's file would have) and goes through
 * javac. A renamed method or class makes the README fail here before it misleads anyone.
 */
class ReadmeExampleTest {
    private static final Pattern JAVA_BLOCK = Pattern.compile("(<!--[^\\n]*-->\\n)?```java\\n(.*?)```", Pattern.DOTALL);
    /**
     * The comment before a block that uses classes generated from a YNL spec, which java/ynl-families
     * compiles (ReadmeClientExampleTest); this module does not have them.
     */
    static final String GENERATED_CLIENT = "<!-- generated client:";
    private static final String IMPORTS = String.join("\n",
            "import io.netlink4j.*;",
            "import io.netlink4j.engine.*;",
            "import io.netlink4j.genl.*;",
            "import io.netlink4j.ipvs.*;",
            "import io.netlink4j.route.*;",
            "import java.net.*;",
            "import java.nio.file.*;",
            "import java.time.*;",
            "import java.util.*;");

    @Test
    void everyJavaBlockOfTheReadmeCompiles() throws IOException {
        List<String> blocks = javaBlocks(readme());
        assertTrue(blocks.size() >= 2, "README.md has " + blocks.size() + " ```java blocks (expected: the IPVS and generic netlink examples)");
        List<String> sources = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            sources.add(wrap("ReadmeExample" + (i + 1), blocks.get(i)));
        }
        Javac result = javac(sources);
        assertEquals(0, result.exit, () -> "README.md's Java examples do not compile:\n" + result.output);
    }

    @Test
    void aBrokenExampleIsCaught() throws IOException {
        // The check itself can fail: a block naming a method the API lacks is reported.
        List<String> blocks = javaBlocks("text\n```java\nIpvsHandle.open().noSuchMethod();\n```\n");
        assertEquals(1, blocks.size());
        Javac result = javac(List.of(wrap("Broken", blocks.get(0))));
        assertNotEquals(0, result.exit);
        assertTrue(result.output.contains("noSuchMethod"), result.output);
    }

    @Test
    void aGeneratedClientBlockIsLeftToYnlFamilies() {
        String markdown = "<!-- other comment -->\n```java\nA.a();\n```\n" + GENERATED_CLIENT + " compiled elsewhere -->\n```java\nB.b();\n```\n";
        assertEquals(List.of("A.a();\n"), javaBlocks(markdown));
        assertTrue(readmeText().contains(GENERATED_CLIENT), "README.md has no block marked '" + GENERATED_CLIENT + "'");
    }

    private static String readmeText() {
        try {
            return readme();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private record Javac(int exit, String output) {
    }

    /** A user's source file: the usual imports, and the block as the body of a method. */
    private static String wrap(String className, String block) {
        return IMPORTS + "\n\nclass " + className + " {\n    static void run() throws Exception {\n" + block + "\n    }\n}\n";
    }

    /** Compiles {@code sources} with javac against this test's class path. */
    private static Javac javac(List<String> sources) throws IOException {
        Path dir = Files.createTempDirectory("readme-example");
        try {
            List<String> args = new ArrayList<>(List.of("-d", dir.resolve("classes").toString(),
                    "-classpath", System.getProperty("java.class.path"), "-proc:none", "-Xlint:none"));
            for (String source : sources) {
                String name = source.substring(source.indexOf("\nclass ") + 7, source.indexOf(" {", source.indexOf("\nclass ")));
                Path file = dir.resolve(name + ".java");
                Files.writeString(file, source);
                args.add(file.toString());
            }
            ToolProvider javac = ToolProvider.findFirst("javac").orElseThrow(() -> new AssertionError("no javac in this JDK"));
            StringWriter out = new StringWriter();
            try (PrintWriter w = new PrintWriter(out)) {
                int exit = javac.run(w, w, args.toArray(String[]::new));
                w.flush();
                return new Javac(exit, out.toString());
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    static List<String> javaBlocks(String markdown) {
        List<String> blocks = new ArrayList<>();
        Matcher m = JAVA_BLOCK.matcher(markdown);
        while (m.find()) {
            if (m.group(1) == null || !m.group(1).startsWith(GENERATED_CLIENT)) {
                blocks.add(m.group(2));
            }
        }
        return blocks;
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
