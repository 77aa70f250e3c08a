// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ipvs;

import org.junit.jupiter.api.Test;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The README's Java examples compile, as written, against this build's jars: each {@code ```java}
 * block becomes the body of a method (with the imports a user's file would have) and goes through
 * javac. A renamed method or class makes the README fail here before it misleads anyone.
 */
class ReadmeExampleTest {
    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
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
        List<JavaFileObject> sources = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            String name = "ReadmeExample" + (i + 1);
            String code = IMPORTS + "\n\nclass " + name + " {\n    static void run() throws Exception {\n"
                    + blocks.get(i) + "\n    }\n}\n";
            sources.add(new Source(name, code));
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Path out = Files.createTempDirectory("readme-example");
        try {
            boolean ok = javac.getTask(new StringWriter(), null, diagnostics,
                    List.of("-d", out.toString(), "-classpath", System.getProperty("java.class.path"), "-Xlint:none"),
                    null, sources).call();
            if (!ok) {
                StringBuilder sb = new StringBuilder("README.md's Java examples do not compile:\n");
                for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                    if (d.getKind() == Diagnostic.Kind.ERROR) {
                        sb.append(d.getSource() == null ? "?" : d.getSource().getName()).append(':')
                                .append(d.getLineNumber()).append(": ").append(d.getMessage(Locale.ROOT)).append('\n');
                    }
                }
                fail(sb.toString());
            }
        } finally {
            try (var files = Files.walk(out)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void aBrokenExampleIsCaught() {
        // The check itself can fail: a block naming a method the API lacks is reported.
        List<String> blocks = javaBlocks("text\n```java\nIpvsHandle.open().noSuchMethod();\n```\n");
        assertTrue(blocks.size() == 1 && blocks.get(0).contains("noSuchMethod"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        String code = IMPORTS + "\nclass Broken { static void run() throws Exception {\n" + blocks.get(0) + "\n} }\n";
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        boolean ok = javac.getTask(new StringWriter(), null, diagnostics,
                List.of("-proc:none", "-classpath", System.getProperty("java.class.path"), "-d", System.getProperty("java.io.tmpdir")),
                null, List.of(new Source("Broken", code))).call();
        assertTrue(!ok && diagnostics.getDiagnostics().stream().anyMatch(d -> d.getMessage(Locale.ROOT).contains("noSuchMethod")),
                () -> "expected a compile error naming noSuchMethod, got " + diagnostics.getDiagnostics());
    }

    static List<String> javaBlocks(String markdown) {
        List<String> blocks = new ArrayList<>();
        Matcher m = JAVA_BLOCK.matcher(markdown);
        while (m.find()) {
            blocks.add(m.group(1));
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

    private static final class Source extends SimpleJavaFileObject {
        private final String code;

        Source(String className, String code) {
            super(URI.create("string:///" + className + Kind.SOURCE.extension), Kind.SOURCE);
            this.code = code;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return code;
        }
    }
}
