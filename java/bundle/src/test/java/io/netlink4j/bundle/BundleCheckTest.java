// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.bundle;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bundle check against bundles staged from real jars and POMs: a complete one passes, and each
 * way of breaking it is caught with a message naming the file and the problem.
 */
class BundleCheckTest {

    private static final String G = "io.netlink4j";
    private static final List<String> SHIPS = List.of("netlink4j-parent", "netlink4j-bom", "netlink4j-core");

    @TempDir
    Path tmp;

    private Path in;
    private Path bundle;
    private String version = "1.0.0";
    private String parentProject = "child.project.url.inherit.append.path=\"false\"";
    private String parentMetadata = """
            <url>https://example.org/netlink4j</url>
            <licenses><license><name>Apache-2.0</name><url>https://www.apache.org/licenses/LICENSE-2.0.txt</url></license></licenses>
            <developers><developer><id>a</id><name>The Authors</name></developer></developers>
            <scm child.scm.connection.inherit.append.path="false" child.scm.url.inherit.append.path="false">
              <connection>scm:git:https://example.org/netlink4j.git</connection>
              <url>https://example.org/netlink4j</url>
            </scm>
            """;
    private String coreName = "<name>netlink4j core</name>";
    private String coreModuleName = "io.netlink4j.core";
    /** The source of a module-info.java compiled into the core jar; null for none. */
    private String coreDescriptor;
    /** Classes compiled beside the descriptor (empty ones), as entry names. */
    private final List<String> coreDescriptorExtra = new ArrayList<>();
    /** Entries compiled for the descriptor but left out of the jar. */
    private final List<String> skipFromJar = new ArrayList<>();
    private String bomManages = "netlink4j-core";
    private final List<ArtifactFile> extra = new ArrayList<>();
    private final List<String> skip = new ArrayList<>();

    @BeforeEach
    void dirs() {
        in = tmp.resolve("in");
        bundle = tmp.resolve("bundle");
    }

    /** Writes the inputs as configured and stages them. */
    private List<String> stage() throws IOException {
        Files.createDirectories(in);
        List<ArtifactFile> files = new ArrayList<>();
        files.add(file("netlink4j-parent", null, "pom", write("parent.pom", """
                <project %s>
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>io.netlink4j</groupId><artifactId>netlink4j-parent</artifactId><version>%s</version>
                  <packaging>pom</packaging>
                  <name>netlink4j</name><description>Netlink for the JVM.</description>
                  %s
                </project>
                """.formatted(parentProject, version, parentMetadata))));
        files.add(file("netlink4j-bom", null, "pom", write("bom.pom", """
                <project>
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>io.netlink4j</groupId><artifactId>netlink4j-bom</artifactId><version>%s</version>
                  <packaging>pom</packaging>
                  <name>netlink4j BOM</name><description>One version.</description>
                  <url>https://example.org/netlink4j</url>
                  <licenses><license><name>Apache-2.0</name><url>https://www.apache.org/licenses/LICENSE-2.0.txt</url></license></licenses>
                  <developers><developer><name>The Authors</name></developer></developers>
                  <scm><connection>scm:git:https://example.org/netlink4j.git</connection><url>https://example.org/netlink4j</url></scm>
                  <dependencyManagement><dependencies>
                    <dependency><groupId>io.netlink4j</groupId><artifactId>%s</artifactId><version>${project.version}</version></dependency>
                  </dependencies></dependencyManagement>
                </project>
                """.formatted(version, bomManages))));
        files.add(file("netlink4j-core", null, "pom", write("core.pom", """
                <project>
                  <modelVersion>4.0.0</modelVersion>
                  <parent><groupId>io.netlink4j</groupId><artifactId>netlink4j-parent</artifactId><version>%s</version></parent>
                  <artifactId>netlink4j-core</artifactId>
                  %s<description>The core.</description>
                </project>
                """.formatted(version, coreName))));
        files.add(file("netlink4j-core", null, "jar", coreDescriptor == null
                ? jar("core.jar", coreModuleName, "io/netlink4j/core/Socket.class", "io/netlink4j/core/codec/Codec.class")
                : modularJar("core.jar", coreModuleName, coreDescriptor, "io/netlink4j/core/Socket.class")));
        files.add(file("netlink4j-core", "sources", "jar", jar("core-sources.jar", null, "io/netlink4j/core/Socket.java")));
        files.add(file("netlink4j-core", "javadoc", "jar", jar("core-javadoc.jar", null, "index.html")));
        files.addAll(extra);
        files.removeIf(f -> skip.contains(f.fileName()));
        return CentralBundle.stage(bundle, files);
    }

    private List<String> problems() throws IOException {
        return problems(false);
    }

    private List<String> problems(boolean release) throws IOException {
        stage();
        return new BundleCheck(G, SHIPS, "netlink4j-bom", release).problems(bundle);
    }

    private ArtifactFile file(String artifactId, String classifier, String extension, Path file) {
        return new ArtifactFile(G, artifactId, version, classifier, extension, file);
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(in.resolve(name), text);
    }

    private Path jar(String name, String moduleName, String... entries) throws IOException {
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (moduleName != null) {
            m.getMainAttributes().putValue("Automatic-Module-Name", moduleName);
        }
        Path jar = in.resolve(name);
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, m)) {
            for (String e : entries) {
                j.putNextEntry(new JarEntry(e));
                j.write(e.getBytes(StandardCharsets.UTF_8));
                j.closeEntry();
            }
        }
        return jar;
    }

    /**
     * A jar whose module-info.class javac compiled from {@code descriptor}, with empty classes
     * {@code classes} (and {@link #coreDescriptorExtra}) beside it, less {@link #skipFromJar}.
     */
    private Path modularJar(String name, String automaticName, String descriptor, String... classes) throws IOException {
        Path src = Files.createDirectories(tmp.resolve("src-" + name));
        Path out = Files.createDirectories(tmp.resolve("classes-" + name));
        List<String> sources = new ArrayList<>();
        sources.add(Files.writeString(src.resolve("module-info.java"), descriptor).toString());
        List<String> all = new ArrayList<>(List.of(classes));
        all.addAll(coreDescriptorExtra);
        for (String c : all) {
            String type = c.substring(0, c.length() - ".class".length());
            int slash = type.lastIndexOf('/');
            Path file = src.resolve(type + ".java");
            Files.createDirectories(file.getParent());
            sources.add(Files.writeString(file, "package " + type.substring(0, slash).replace('/', '.')
                    + "; public class " + type.substring(slash + 1) + " {}").toString());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> args = new ArrayList<>(List.of("-d", out.toString()));
        args.addAll(sources);
        assertEquals(0, javac.run(null, null, null, args.toArray(String[]::new)), "javac of " + sources);
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (automaticName != null) {
            m.getMainAttributes().putValue("Automatic-Module-Name", automaticName);
        }
        Path jar = in.resolve(name);
        List<String> entries = new ArrayList<>(List.of("module-info.class"));
        entries.addAll(all);
        entries.removeAll(skipFromJar);
        try (OutputStream o = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(o, m)) {
            for (String e : entries) {
                j.putNextEntry(new JarEntry(e));
                j.write(Files.readAllBytes(out.resolve(e)));
                j.closeEntry();
            }
        }
        return jar;
    }

    private Path staged(String artifactId, String fileName) {
        return bundle.resolve("io/netlink4j/" + artifactId + "/" + version + "/" + fileName);
    }

    private static void assertProblem(List<String> problems, String... parts) {
        assertTrue(problems.stream().anyMatch(p -> Arrays.stream(parts).allMatch(p::contains)),
                () -> "no problem mentioning " + List.of(parts) + " in " + problems);
    }

    @Test
    void completeBundlePasses() throws IOException {
        assertEquals(List.of(), problems());
    }

    @Test
    void stagesInRepositoryLayoutWithChecksumsThatCoreutilsAgreesWith() throws Exception {
        List<String> staged = stage();
        assertEquals(List.of(
                "io/netlink4j/netlink4j-parent/1.0.0/netlink4j-parent-1.0.0.pom",
                "io/netlink4j/netlink4j-bom/1.0.0/netlink4j-bom-1.0.0.pom",
                "io/netlink4j/netlink4j-core/1.0.0/netlink4j-core-1.0.0.pom",
                "io/netlink4j/netlink4j-core/1.0.0/netlink4j-core-1.0.0.jar",
                "io/netlink4j/netlink4j-core/1.0.0/netlink4j-core-1.0.0-sources.jar",
                "io/netlink4j/netlink4j-core/1.0.0/netlink4j-core-1.0.0-javadoc.jar"), staged);
        try (Stream<Path> walk = Files.walk(bundle)) {
            assertEquals(staged.size() * 5, walk.filter(Files::isRegularFile).count());
        }
        Path jar = staged("netlink4j-core", "netlink4j-core-1.0.0.jar");
        assertArrayEquals(Files.readAllBytes(in.resolve("core.jar")), Files.readAllBytes(jar));
        for (String tool : List.of("md5", "sha1", "sha256", "sha512")) {
            Process p = new ProcessBuilder(tool + "sum", jar.toString()).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).split(" ")[0];
            assertEquals(0, p.waitFor(), tool + "sum");
            assertEquals(out, Files.readString(jar.resolveSibling(jar.getFileName() + "." + tool)), tool);
        }
    }

    @Test
    void stagingEmptiesTheBundleFirst() throws IOException {
        Files.createDirectories(bundle.resolve("io/netlink4j/old/0.9"));
        Files.writeString(bundle.resolve("io/netlink4j/old/0.9/old-0.9.pom"), "<project/>");
        assertEquals(List.of(), problems());
    }

    @Test
    void stagingRefusesAMissingFileAndTwoFilesForOnePath() throws IOException {
        extra.add(file("netlink4j-core", "all", "jar", in.resolve("never-built.jar")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, this::stage);
        assertTrue(e.getMessage().contains("netlink4j-core-1.0.0-all.jar") && e.getMessage().contains("never-built.jar"),
                e.getMessage());
        extra.clear();
        Files.createDirectories(in);
        extra.add(file("netlink4j-core", "javadoc", "jar", jar("other-javadoc.jar", null, "index.html")));
        e = assertThrows(IllegalArgumentException.class, this::stage);
        assertTrue(e.getMessage().contains("netlink4j-core-1.0.0-javadoc.jar"), e.getMessage());
    }

    @Test
    void otherAttachedArtifactsShipWithTheirClassifierAndExtension() throws IOException {
        Files.createDirectories(in);
        extra.add(file("netlink4j-core", "all", "jar", jar("all.jar", null, "x/Y.class")));
        extra.add(file("netlink4j-core", "linux", "tar.gz", write("dist.tar.gz", "not really gzip")));
        assertEquals(List.of(), problems());
        assertTrue(Files.isRegularFile(staged("netlink4j-core", "netlink4j-core-1.0.0-linux.tar.gz.sha512")));
        assertTrue(Files.isRegularFile(staged("netlink4j-core", "netlink4j-core-1.0.0-all.jar.md5")));
    }

    @Test
    void aMissingSourcesOrJavadocJarFails() throws IOException {
        skip.add("netlink4j-core-1.0.0-javadoc.jar");
        skip.add("netlink4j-core-1.0.0-sources.jar");
        List<String> problems = problems();
        assertProblem(problems, "netlink4j-core-1.0.0: no netlink4j-core-1.0.0-javadoc.jar");
        assertProblem(problems, "netlink4j-core-1.0.0: no netlink4j-core-1.0.0-sources.jar");
        assertEquals(2, problems.size(), problems::toString);
    }

    @Test
    void aMissingMainJarOrPomFails() throws IOException {
        skip.add("netlink4j-core-1.0.0.jar");
        assertProblem(problems(), "no netlink4j-core-1.0.0.jar");
        skip.add("netlink4j-core-1.0.0.pom");
        assertProblem(problems(), "no netlink4j-core-1.0.0.pom");
    }

    @Test
    void aWrongOrMissingChecksumFails() throws IOException {
        stage();
        Path jar = staged("netlink4j-core", "netlink4j-core-1.0.0-sources.jar");
        Files.writeString(jar.resolveSibling(jar.getFileName() + ".sha1"), "da39a3ee5e6b4b0d3255bfef95601890afd80709");
        Files.delete(jar.resolveSibling(jar.getFileName() + ".sha512"));
        List<String> problems = new BundleCheck(G, SHIPS, "netlink4j-bom", false).problems(bundle);
        assertProblem(problems, "netlink4j-core-1.0.0-sources.jar.sha1: says da39a3ee5e6b4b0d3255bfef95601890afd80709");
        assertProblem(problems, "no io/netlink4j/netlink4j-core/1.0.0/netlink4j-core-1.0.0-sources.jar.sha512");
        assertEquals(2, problems.size(), problems::toString);
    }

    @Test
    void aChangedFileNoLongerMatchesItsChecksums() throws IOException {
        stage();
        Files.writeString(staged("netlink4j-core", "netlink4j-core-1.0.0.pom"), "<project/>");
        List<String> problems = new BundleCheck(G, SHIPS, "netlink4j-bom", false).problems(bundle);
        for (String c : List.of("md5", "sha1", "sha256", "sha512")) {
            assertProblem(problems, "netlink4j-core-1.0.0.pom." + c + ": says");
        }
    }

    @Test
    void aStrayChecksumOrSignatureFails() throws IOException {
        stage();
        Files.writeString(staged("netlink4j-core", "netlink4j-core-1.0.0-all.jar.sha1"), "0");
        Files.writeString(staged("netlink4j-core", "netlink4j-core-1.0.0-all.jar.asc"), "-----BEGIN PGP SIGNATURE-----");
        List<String> problems = new BundleCheck(G, SHIPS, "netlink4j-bom", false).problems(bundle);
        assertProblem(problems, "netlink4j-core-1.0.0-all.jar.sha1: a checksum of nothing");
        assertProblem(problems, "netlink4j-core-1.0.0-all.jar.asc: a signature of nothing");
    }

    @Test
    void aReleaseNeedsASignatureBesideEveryFile() throws IOException {
        List<String> problems = problems(true);
        assertEquals(6, problems.size(), problems::toString);
        assertProblem(problems, "netlink4j-core-1.0.0-javadoc.jar: no signature");
        assertProblem(problems, "netlink4j-parent-1.0.0.pom: no signature");
    }

    @Test
    void aSignedReleasePassesAndOneMissingOrBrokenSignatureFails() throws IOException {
        Files.createDirectories(in);
        String sig = "-----BEGIN PGP SIGNATURE-----\n\nxyz\n-----END PGP SIGNATURE-----\n";
        for (String[] f : new String[][] {{"netlink4j-parent", null, "pom"}, {"netlink4j-bom", null, "pom"},
                {"netlink4j-core", null, "pom"}, {"netlink4j-core", null, "jar"}, {"netlink4j-core", "sources", "jar"},
                {"netlink4j-core", "javadoc", "jar"}}) {
            extra.add(file(f[0], f[1], f[2] + ".asc", write(f[0] + f[1] + f[2] + ".asc", sig)));
        }
        assertEquals(List.of(), problems(true));
        assertTrue(Files.isRegularFile(staged("netlink4j-core", "netlink4j-core-1.0.0-sources.jar.asc")));
        assertTrue(Files.notExists(staged("netlink4j-core", "netlink4j-core-1.0.0-sources.jar.asc.sha1")),
                "signatures carry no checksums");

        extra.remove(2);
        write("netlink4j-corenulljar.asc", "not a signature");
        List<String> problems = problems(false);
        assertProblem(problems, "netlink4j-core-1.0.0.pom: no signature");
        assertProblem(problems, "netlink4j-core-1.0.0.jar.asc: not an ASCII-armored PGP signature");
        assertEquals(2, problems.size(), problems::toString);
    }

    @Test
    void aReleaseRefusesASnapshotVersion() throws IOException {
        version = "1.0.0-SNAPSHOT";
        assertEquals(List.of(), problems(false));
        assertProblem(problems(true), "netlink4j-core-1.0.0-SNAPSHOT: a release cannot have a SNAPSHOT version");
    }

    @Test
    void metadataMissingFromThePomAndItsParentsFails() throws IOException {
        parentMetadata = "";
        List<String> problems = problems();
        for (String what : List.of("<url>", "<licenses>", "<developers>", "<scm/url>", "<scm/connection>")) {
            assertProblem(problems, "netlink4j-core-1.0.0.pom: no " + what + ", here or in a parent");
            assertProblem(problems, "netlink4j-parent-1.0.0.pom: no " + what);
        }
    }

    @Test
    void theNameIsNotInherited() throws IOException {
        coreName = "";
        assertEquals(List.of("io/netlink4j/netlink4j-core/1.0.0/netlink4j-core-1.0.0.pom: no <name> (Maven does not inherit it)"),
                problems());
    }

    @Test
    void anInheritedUrlMustNotGetTheArtifactIdAppended() throws IOException {
        parentProject = "";
        assertProblem(problems(), "netlink4j-core-1.0.0.pom: <url> is inherited from netlink4j-parent-1.0.0.pom with the artifact id appended");
        parentMetadata = parentMetadata.replace("child.scm.url.inherit.append.path=\"false\"", "");
        assertProblem(problems(), "<scm/url> is inherited", "child.scm.url.inherit.append.path");
    }

    @Test
    void aParentMissingFromTheBundleFails() throws IOException {
        skip.add("netlink4j-parent-1.0.0.pom");
        List<String> problems = problems();
        assertProblem(problems, "netlink4j-core-1.0.0.pom: its parent io.netlink4j:netlink4j-parent:1.0.0 is not in the bundle");
        assertProblem(problems, "netlink4j-parent: missing from the bundle");
    }

    @Test
    void anArtifactThatDoesNotShipFails() throws IOException {
        Files.createDirectories(in);
        extra.add(file("netlink4j-bench", null, "pom", write("bench.pom", """
                <project><parent><groupId>io.netlink4j</groupId><artifactId>netlink4j-parent</artifactId><version>1.0.0</version></parent>
                <artifactId>netlink4j-bench</artifactId><name>bench</name><packaging>pom</packaging></project>
                """)));
        assertEquals(List.of("netlink4j-bench-1.0.0: netlink4j-bench does not ship (the bundle holds only "
                + "netlink4j-parent, netlink4j-bom, netlink4j-core)"), problems());
    }

    @Test
    void aTestJarFails() throws IOException {
        Files.createDirectories(in);
        extra.add(file("netlink4j-core", "tests", "jar", jar("tests.jar", null, "io/netlink4j/testsupport/Netns.class")));
        assertEquals(List.of("io/netlink4j/netlink4j-core/1.0.0/netlink4j-core-1.0.0-tests.jar: a test-jar is build-internal and never ships"),
                problems());
    }

    @Test
    void aMainJarWithoutTheModuleNameFails() throws IOException {
        coreModuleName = null;
        assertProblem(problems(), "netlink4j-core-1.0.0.jar: no module name", "expected io.netlink4j.core");
        coreModuleName = "io.netlink4j.codec";
        assertProblem(problems(), "netlink4j-core-1.0.0.jar: Automatic-Module-Name io.netlink4j.codec, expected io.netlink4j.core");
        coreModuleName = "io.netlink4j.1core";
        assertProblem(problems(), "Automatic-Module-Name io.netlink4j.1core is not a valid module name");
    }

    @Test
    void aModularMainJarIsNamedByItsDescriptor() throws IOException {
        coreModuleName = null;
        coreDescriptor = "module io.netlink4j.core { exports io.netlink4j.core; }";
        assertEquals(List.of(), problems());
    }

    @Test
    void aDescriptorNamingAnotherModuleFails() throws IOException {
        coreModuleName = null;
        coreDescriptor = "module io.netlink4j.codec { exports io.netlink4j.core; }";
        assertEquals(List.of("io/netlink4j/netlink4j-core/1.0.0/netlink4j-core-1.0.0.jar: module-info.class names module "
                + "io.netlink4j.codec, expected io.netlink4j.core"), problems());
    }

    @Test
    void aDescriptorExportingAPackageTheJarLacksFails() throws IOException {
        coreModuleName = null;
        coreDescriptor = "module io.netlink4j.core { exports io.netlink4j.core; exports io.netlink4j.core.spi; }";
        coreDescriptorExtra.add("io/netlink4j/core/spi/Provider.class");
        skipFromJar.add("io/netlink4j/core/spi/Provider.class");
        assertProblem(problems(), "netlink4j-core-1.0.0.jar: the module system rejects its module-info.class",
                "io.netlink4j.core.spi");
    }

    @Test
    void anAutomaticModuleNameBesideADescriptorFails() throws IOException {
        coreDescriptor = "module io.netlink4j.core { exports io.netlink4j.core; }";
        assertEquals(List.of("io/netlink4j/netlink4j-core/1.0.0/netlink4j-core-1.0.0.jar: Automatic-Module-Name "
                + "io.netlink4j.core beside a module descriptor (the module system ignores it; remove it from the manifest)"),
                problems());
    }

    @Test
    void theBomMustManageEveryJarAndNothingElse() throws IOException {
        bomManages = "netlink4j-bench";
        List<String> problems = problems();
        assertProblem(problems, "netlink4j-bom: does not manage netlink4j-core");
        assertProblem(problems, "netlink4j-bom: manages netlink4j-bench, which does not ship");
    }

    /** A jar of another licence beside core: data only (resources) or with a class file. */
    private List<String> withOtherLicence(String mainEntry, String... sourceEntries) throws IOException {
        Files.createDirectories(in);
        extra.add(file("netlink4j-data", null, "pom", write("data.pom", """
                <project>
                  <modelVersion>4.0.0</modelVersion>
                  <parent><groupId>io.netlink4j</groupId><artifactId>netlink4j-parent</artifactId><version>%s</version></parent>
                  <artifactId>netlink4j-data</artifactId>
                  <name>netlink4j data</name><description>Specs.</description>
                  <licenses><license><name>BSD-3-Clause</name><url>https://opensource.org/license/bsd-3-clause</url></license></licenses>
                </project>
                """.formatted(version))));
        extra.add(file("netlink4j-data", null, "jar", jar("data.jar", "io.netlink4j.data", mainEntry, "specs/b.yaml")));
        extra.add(file("netlink4j-data", "sources", "jar", jar("data-sources.jar", null, sourceEntries)));
        extra.add(file("netlink4j-data", "javadoc", "jar", jar("data-javadoc.jar", null, "index.html")));
        stage();
        List<String> ships = new ArrayList<>(SHIPS);
        ships.add("netlink4j-data");
        List<String> problems = new ArrayList<>(new BundleCheck(G, ships, "netlink4j-bom", false).problems(bundle));
        assertTrue(problems.remove("netlink4j-bom: does not manage netlink4j-data"), problems::toString);
        return problems;
    }

    @Test
    void aJarOfDataMayHaveItsOwnLicenceAndItsSourcesAreItsFiles() throws IOException {
        assertEquals(List.of(), withOtherLicence("specs/a.yaml", "specs/a.yaml", "specs/b.yaml"));
    }

    @Test
    void aJarOfDataNeedsItsFilesInItsSourcesJar() throws IOException {
        List<String> problems = withOtherLicence("specs/a.yaml", "specs/b.yaml");
        assertProblem(problems, "netlink4j-data-1.0.0-sources.jar: lacks files of the main jar: [specs/a.yaml]");
        assertEquals(1, problems.size(), problems::toString);
    }

    @Test
    void aJarOfClassesMustHaveTheProjectsLicence() throws IOException {
        List<String> problems = withOtherLicence("io/netlink4j/data/A.class", "io/netlink4j/data/A.java");
        assertProblem(problems, "the POMs disagree on their licenses");
        assertEquals(1, problems.size(), problems::toString);
    }

    @Test
    void anArtifactMissingFromTheBundleFails() throws IOException {
        stage();
        List<String> ships = new ArrayList<>(SHIPS);
        ships.add("netlink4j-route");
        assertEquals(List.of("netlink4j-route: missing from the bundle"),
                new BundleCheck(G, ships, "netlink4j-bom", false).problems(bundle));
    }

    @Test
    void artifactsWithDifferentVersionsFail() throws IOException {
        Files.createDirectories(in);
        extra.add(new ArtifactFile(G, "netlink4j-bom", "0.9", null, "pom", write("old-bom.pom", """
                <project><groupId>io.netlink4j</groupId><artifactId>netlink4j-bom</artifactId><version>0.9</version>
                <packaging>pom</packaging></project>
                """)));
        assertProblem(problems(), "the artifacts' versions differ");
    }

    @Test
    void aPackageInBothATestJarAndAMainJarIsSplit() throws IOException {
        stage();
        Path good = jar("good-tests.jar", null, "io/netlink4j/testsupport/Netns.class", "META-INF/services/x");
        Path split = jar("split-tests.jar", null, "io/netlink4j/core/codec/NetlinkBytes.class");
        BundleCheck check = new BundleCheck(G, SHIPS, "netlink4j-bom", false);
        assertEquals(List.of(), check.splitPackages(bundle, List.of(good)));
        assertEquals(List.of("package io.netlink4j.core.codec is split between split-tests.jar (build-internal) and "
                + "io/netlink4j/netlink4j-core/1.0.0/netlink4j-core-1.0.0.jar"), check.splitPackages(bundle, List.of(good, split)));
    }

    @Test
    void theZipHoldsTheBundleInNameOrderAndIsTheSameEachTime() throws IOException {
        stage();
        Path zip1 = tmp.resolve("a.zip");
        Path zip2 = tmp.resolve("b.zip");
        assertEquals(30, CentralBundle.zip(bundle, zip1));
        CentralBundle.zip(bundle, zip2);
        assertArrayEquals(Files.readAllBytes(zip1), Files.readAllBytes(zip2));
        Map<String, byte[]> inZip = new TreeMap<>();
        List<String> order = new ArrayList<>();
        try (ZipFile z = new ZipFile(zip1.toFile())) {
            for (var e : z.stream().toList()) {
                order.add(e.getName());
                inZip.put(e.getName(), z.getInputStream(e).readAllBytes());
            }
        }
        assertEquals(order.stream().sorted().toList(), order);
        assertTrue(order.contains("io/netlink4j/netlink4j-core/1.0.0/netlink4j-core-1.0.0.jar.sha1"), order::toString);
        for (Map.Entry<String, byte[]> e : inZip.entrySet()) {
            assertArrayEquals(Files.readAllBytes(bundle.resolve(e.getKey())), e.getValue(), e.getKey());
        }
    }
}
