// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.bundle;

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

import javax.lang.model.SourceVersion;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.module.FindException;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;

/**
 * Checks a Central bundle (Maven repository layout) before it is uploaded: that exactly the
 * artifacts that ship are there, each with every file Maven Central requires (POM; jar,
 * {@code -sources.jar} and {@code -javadoc.jar} for jar packaging), correct checksums beside every
 * file, a signature beside every file when signing was on, the metadata Central requires in each
 * POM or its parents (name, description, url, licenses, developers, scm), a module name in every
 * main jar (its module descriptor's, or an Automatic-Module-Name), a BOM that manages every jar
 * artifact, and no build-internal artifact (test-jars). Every problem is reported, each naming the
 * file and what is wrong.
 */
public final class BundleCheck {

    private static final String PGP_SIGNATURE = "-----BEGIN PGP SIGNATURE-----";

    private final String groupId;
    private final Set<String> artifactIds;
    private final String bomArtifactId;
    private final boolean release;

    /**
     * A check for one project's bundle.
     *
     * @param groupId       the group every artifact belongs to
     * @param artifactIds   the artifacts that ship: the bundle must hold exactly these
     * @param bomArtifactId the BOM among them, which must manage every jar artifact; null for none
     * @param release       true for a release: every file signed, no SNAPSHOT version
     */
    public BundleCheck(String groupId, Collection<String> artifactIds, String bomArtifactId, boolean release) {
        this.groupId = Objects.requireNonNull(groupId, "groupId");
        this.artifactIds = new LinkedHashSet<>(artifactIds);
        this.bomArtifactId = bomArtifactId;
        this.release = release;
        if (bomArtifactId != null && !this.artifactIds.contains(bomArtifactId)) {
            throw new IllegalArgumentException("BOM " + bomArtifactId + " is not one of the artifacts " + this.artifactIds);
        }
    }

    /**
     * Checks the bundle in {@code dir}.
     *
     * @param dir the bundle directory (its top holds the first group directory)
     * @return every problem found, one line each; empty when the bundle is complete
     */
    public List<String> problems(Path dir) {
        List<String> problems = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            problems.add(dir + ": no bundle here");
            return problems;
        }
        Set<String> all = new TreeSet<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.filter(Files::isRegularFile).forEach(p -> all.add(dir.relativize(p).toString().replace('\\', '/')));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> artifacts = new ArrayList<>();
        List<String> signatures = new ArrayList<>();
        for (String f : all) {
            String ext = f.substring(f.lastIndexOf('.') + 1);
            if (CentralBundle.CHECKSUMS.containsKey(ext)) {
                String base = f.substring(0, f.length() - ext.length() - 1);
                if (!all.contains(base)) {
                    problems.add(f + ": a checksum of nothing (no " + base + ")");
                }
            } else if (ext.equals(CentralBundle.SIGNATURE)) {
                signatures.add(f);
                String base = f.substring(0, f.length() - ext.length() - 1);
                if (!all.contains(base)) {
                    problems.add(f + ": a signature of nothing (no " + base + ")");
                }
            } else {
                artifacts.add(f);
            }
        }
        boolean signed = release || !signatures.isEmpty();

        // group:artifact:version -> classifier/extension -> path
        Map<String, Map<String, String>> byArtifact = new TreeMap<>();
        for (String f : artifacts) {
            checkFile(dir, f, all, signed, problems);
            String[] parts = f.split("/");
            if (parts.length < 4) {
                problems.add(f + ": not in Maven repository layout (group/artifactId/version/file)");
                continue;
            }
            String a = parts[parts.length - 3];
            String v = parts[parts.length - 2];
            String g = String.join(".", List.of(parts).subList(0, parts.length - 3));
            String name = parts[parts.length - 1];
            String prefix = a + "-" + v;
            if (!name.startsWith(prefix) || name.length() == prefix.length()
                    || (name.charAt(prefix.length()) != '.' && name.charAt(prefix.length()) != '-')) {
                problems.add(f + ": not named " + prefix + "[-classifier].extension");
                continue;
            }
            String rest = name.substring(prefix.length());
            String classifier = "";
            if (rest.charAt(0) == '-') {
                int dot = rest.indexOf('.');
                if (dot < 0) {
                    problems.add(f + ": no extension");
                    continue;
                }
                classifier = rest.substring(1, dot);
                rest = rest.substring(dot);
            }
            String ext = rest.substring(1);
            if (!g.equals(groupId)) {
                problems.add(f + ": group " + g + " is not " + groupId);
            }
            if (classifier.equals("tests") || ext.equals("test-jar")) {
                problems.add(f + ": a test-jar is build-internal and never ships");
            }
            byArtifact.computeIfAbsent(g + ":" + a + ":" + v, k -> new TreeMap<>()).put(classifier + "." + ext, f);
        }

        Map<String, Pom> poms = new LinkedHashMap<>();
        Set<String> present = new TreeSet<>();
        Map<String, String> versions = new TreeMap<>();
        List<String> jarArtifacts = new ArrayList<>();
        Set<String> dataOnly = new TreeSet<>();
        for (Map.Entry<String, Map<String, String>> e : byArtifact.entrySet()) {
            String[] gav = e.getKey().split(":");
            String a = gav[1];
            String v = gav[2];
            String label = a + "-" + v;
            Map<String, String> files = e.getValue();
            present.add(a);
            versions.put(label, v);
            if (!artifactIds.contains(a)) {
                problems.add(label + ": " + a + " does not ship (the bundle holds only " + String.join(", ", artifactIds) + ")");
            }
            if (release && v.endsWith("-SNAPSHOT")) {
                problems.add(label + ": a release cannot have a SNAPSHOT version (set the release version first)");
            }
            String pomPath = files.get(".pom");
            if (pomPath == null) {
                problems.add(label + ": no " + label + ".pom");
                continue;
            }
            Pom pom;
            try {
                pom = Pom.read(dir.resolve(pomPath));
            } catch (IllegalArgumentException ex) {
                problems.add(pomPath + ": " + ex.getMessage());
                continue;
            }
            poms.put(a, pom);
            if (!a.equals(pom.artifactId()) || !v.equals(pom.version()) || !gav[0].equals(pom.groupId())) {
                problems.add(pomPath + ": the POM says " + pom.groupId() + ":" + pom.artifactId() + ":" + pom.version()
                        + ", its place in the bundle " + e.getKey());
            }
            checkMetadata(dir, pom, pomPath, problems);
            if (pom.packaging().equals("jar")) {
                jarArtifacts.add(a);
                for (String required : List.of(".jar", "sources.jar", "javadoc.jar")) {
                    if (!files.containsKey(required)) {
                        problems.add(label + ": no " + label + (required.startsWith(".") ? "" : "-") + required);
                    }
                }
                if (files.containsKey(".jar")) {
                    checkMainJar(dir.resolve(files.get(".jar")), files.get(".jar"), a, problems);
                }
                boolean data = files.containsKey(".jar") && isDataOnly(dir.resolve(files.get(".jar")));
                if (data) {
                    dataOnly.add(a);
                }
                if (files.containsKey("sources.jar")) {
                    if (data) {
                        checkSameFiles(dir.resolve(files.get(".jar")), dir.resolve(files.get("sources.jar")), files.get("sources.jar"), problems);
                    } else {
                        checkHas(dir.resolve(files.get("sources.jar")), files.get("sources.jar"), ".java", "no Java source", problems);
                    }
                }
                if (files.containsKey("javadoc.jar")) {
                    checkHas(dir.resolve(files.get("javadoc.jar")), files.get("javadoc.jar"), "index.html", "no index.html", problems);
                }
            } else if (!pom.packaging().equals("pom")) {
                problems.add(pomPath + ": packaging " + pom.packaging() + " (this check knows jar and pom)");
            }
        }
        for (String a : artifactIds) {
            if (!present.contains(a)) {
                problems.add(a + ": missing from the bundle");
            }
        }
        if (new TreeSet<>(versions.values()).size() > 1) {
            problems.add("the artifacts' versions differ: " + versions);
        }
        checkSameMetadata(dir, poms, dataOnly, problems);
        if (bomArtifactId != null && poms.containsKey(bomArtifactId)) {
            checkBom(poms.get(bomArtifactId), jarArtifacts, problems);
        }
        return problems;
    }

    /**
     * Checks that no package of a build-internal jar (a test-jar) is also in a main jar of the
     * bundle: a package split between two jars cannot be loaded from the module path.
     *
     * @param dir          the bundle directory
     * @param internalJars jars that do not ship but sit beside the shipped ones in builds and tests
     * @return every package found in both, one line each
     */
    public List<String> splitPackages(Path dir, Collection<Path> internalJars) {
        List<String> problems = new ArrayList<>();
        Map<String, Set<String>> shipped = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                String rel = dir.relativize(p).toString().replace('\\', '/');
                String[] parts = rel.split("/");
                if (parts.length >= 4 && rel.endsWith(".jar")
                        && parts[parts.length - 1].equals(parts[parts.length - 3] + "-" + parts[parts.length - 2] + ".jar")) {
                    shipped.put(rel, packages(p));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Path internal : internalJars) {
            if (!Files.isRegularFile(internal)) {
                problems.add(internal + ": no such jar");
                continue;
            }
            Set<String> mine = packages(internal);
            for (Map.Entry<String, Set<String>> s : shipped.entrySet()) {
                for (String pkg : mine) {
                    if (s.getValue().contains(pkg)) {
                        problems.add("package " + pkg + " is split between " + internal.getFileName()
                                + " (build-internal) and " + s.getKey());
                    }
                }
            }
        }
        return problems;
    }

    private static Set<String> packages(Path jar) {
        Set<String> packages = new TreeSet<>();
        try (JarFile j = new JarFile(jar.toFile())) {
            for (Enumeration<? extends ZipEntry> en = j.entries(); en.hasMoreElements(); ) {
                String name = en.nextElement().getName();
                int slash = name.lastIndexOf('/');
                if (name.endsWith(".class") && slash > 0 && !name.startsWith("META-INF/")) {
                    packages.add(name.substring(0, slash).replace('/', '.'));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(jar + ": " + e.getMessage(), e);
        }
        return packages;
    }

    private static void checkFile(Path dir, String f, Set<String> all, boolean signed, List<String> problems) {
        Path file = dir.resolve(f);
        for (Map.Entry<String, String> c : CentralBundle.CHECKSUMS.entrySet()) {
            String sum = f + "." + c.getKey();
            if (!all.contains(sum)) {
                problems.add(f + ": no " + sum);
                continue;
            }
            try {
                String want = CentralBundle.digest(file, c.getValue());
                String[] words = Files.readString(dir.resolve(sum), StandardCharsets.US_ASCII).trim().split("\\s+");
                if (!words[0].toLowerCase(Locale.ROOT).equals(want)) {
                    problems.add(sum + ": says " + words[0] + ", the file's " + c.getValue() + " is " + want);
                }
            } catch (IOException e) {
                problems.add(sum + ": " + e.getMessage());
            }
        }
        if (signed) {
            String sig = f + "." + CentralBundle.SIGNATURE;
            if (!all.contains(sig)) {
                problems.add(f + ": no signature " + sig + " (every file is signed when one is)");
            } else {
                try {
                    if (!Files.readString(dir.resolve(sig), StandardCharsets.US_ASCII).startsWith(PGP_SIGNATURE)) {
                        problems.add(sig + ": not an ASCII-armored PGP signature");
                    }
                } catch (IOException e) {
                    problems.add(sig + ": " + e.getMessage());
                }
            }
        }
    }

    /**
     * A main jar's module name: its descriptor's, which the module system must accept for the jar
     * (every exported package present, a valid name), or else its Automatic-Module-Name; either is
     * {@code groupId.<artifactId without its first word>}. A jar with a descriptor carries no
     * Automatic-Module-Name, which the module system would ignore.
     */
    private void checkMainJar(Path jar, String f, String artifactId, List<String> problems) {
        String expected = groupId + "." + artifactId.substring(artifactId.indexOf('-') + 1).replace('-', '.');
        try (JarFile j = new JarFile(jar.toFile())) {
            Manifest m = j.getManifest();
            String name = m == null ? null : m.getMainAttributes().getValue("Automatic-Module-Name");
            if (j.getEntry("module-info.class") != null) {
                checkDescriptor(jar, f, expected, problems);
                if (name != null) {
                    problems.add(f + ": Automatic-Module-Name " + name + " beside a module descriptor (the module system"
                            + " ignores it; remove it from the manifest)");
                }
                return;
            }
            if (name == null) {
                problems.add(f + ": no module name (no module-info.class, no Automatic-Module-Name in the manifest;"
                        + " expected " + expected + ")");
            } else if (!SourceVersion.isName(name)) {
                problems.add(f + ": Automatic-Module-Name " + name + " is not a valid module name");
            } else if (!name.equals(expected)) {
                problems.add(f + ": Automatic-Module-Name " + name + ", expected " + expected);
            }
        } catch (IOException e) {
            problems.add(f + ": not a jar (" + e.getMessage() + ")");
        }
    }

    private static void checkDescriptor(Path jar, String f, String expected, List<String> problems) {
        Set<ModuleReference> found;
        try {
            found = ModuleFinder.of(jar).findAll();
        } catch (FindException e) {
            problems.add(f + ": the module system rejects its module-info.class: " + e.getMessage()
                    + (e.getCause() == null ? "" : " (" + e.getCause().getMessage() + ")"));
            return;
        }
        for (ModuleReference ref : found) {
            String name = ref.descriptor().name();
            if (!name.equals(expected)) {
                problems.add(f + ": module-info.class names module " + name + ", expected " + expected);
            }
        }
    }

    private static void checkHas(Path jar, String f, String suffix, String what, List<String> problems) {
        try (JarFile j = new JarFile(jar.toFile())) {
            if (j.stream().noneMatch(e -> e.getName().endsWith(suffix))) {
                problems.add(f + ": " + what);
            }
        } catch (IOException e) {
            problems.add(f + ": not a jar (" + e.getMessage() + ")");
        }
    }

    /** Central's required metadata, in the POM or, where Maven inherits it, in a parent. */
    private void checkMetadata(Path dir, Pom pom, String pomPath, List<String> problems) {
        List<Pom> chain = chain(dir, pom, pomPath, problems);
        if (pom.text("name") == null) {
            problems.add(pomPath + ": no <name> (Maven does not inherit it)");
        }
        if (first(chain, p -> p.text("description")) == null) {
            problems.add(pomPath + ": no <description>, here or in a parent");
        }
        checkInheritedUrl(chain, pomPath, "url", null, "child.project.url.inherit.append.path", problems);
        Pom licenses = firstPom(chain, p -> p.all("licenses", "license").isEmpty() ? null : p);
        if (licenses == null) {
            problems.add(pomPath + ": no <licenses>, here or in a parent");
        } else {
            for (Element l : licenses.all("licenses", "license")) {
                if (Pom.text(l, "name") == null || Pom.text(l, "url") == null) {
                    problems.add(licenses.path().getFileName() + ": a <license> without <name> or <url>");
                }
            }
        }
        Pom developers = firstPom(chain, p -> p.all("developers", "developer").isEmpty() ? null : p);
        if (developers == null) {
            problems.add(pomPath + ": no <developers>, here or in a parent");
        } else if (developers.all("developers", "developer").stream().anyMatch(d -> Pom.text(d, "name") == null)) {
            problems.add(developers.path().getFileName() + ": a <developer> without <name>");
        }
        checkInheritedUrl(chain, pomPath, "scm", "url", "child.scm.url.inherit.append.path", problems);
        checkInheritedUrl(chain, pomPath, "scm", "connection", "child.scm.connection.inherit.append.path", problems);
    }

    /**
     * A URL that Maven inherits gets the child's artifactId appended unless the POM it comes from
     * (or that POM's parents) sets the attribute {@code appendAttr} to false.
     */
    private static void checkInheritedUrl(List<Pom> chain, String pomPath, String element, String child,
                                          String appendAttr, List<String> problems) {
        String what = child == null ? element : element + "/" + child;
        for (int i = 0; i < chain.size(); i++) {
            Pom p = chain.get(i);
            String value = child == null ? p.text(element) : p.text(element, child);
            if (value == null) {
                continue;
            }
            if (i > 0) {
                String append = null;
                for (int k = i; k < chain.size() && append == null; k++) {
                    Element holder = child == null ? chain.get(k).root() : Pom.child(chain.get(k).root(), element);
                    if (holder != null && holder.hasAttribute(appendAttr)) {
                        append = holder.getAttribute(appendAttr);
                    }
                }
                if (!"false".equals(append)) {
                    problems.add(pomPath + ": <" + what + "> is inherited from " + p.path().getFileName()
                            + " with the artifact id appended (" + value + "/...); set " + appendAttr
                            + "=\"false\" there");
                }
            }
            return;
        }
        problems.add(pomPath + ": no <" + what + ">, here or in a parent");
    }

    /** The POM and its parents, nearest first; a parent missing from the bundle is a problem. */
    private List<Pom> chain(Path dir, Pom pom, String pomPath, List<String> problems) {
        List<Pom> chain = new ArrayList<>();
        chain.add(pom);
        for (Pom p = pom; p.parent() != null; ) {
            String[] gav = p.parent();
            Path parent = dir.resolve(gav[0].replace('.', '/') + "/" + gav[1] + "/" + gav[2] + "/" + gav[1] + "-" + gav[2] + ".pom");
            if (!Files.isRegularFile(parent)) {
                problems.add(pomPath + ": its parent " + String.join(":", gav) + " is not in the bundle");
                break;
            }
            try {
                p = Pom.read(parent);
            } catch (IllegalArgumentException e) {
                break; // reported where that POM is checked itself
            }
            if (chain.stream().anyMatch(q -> q.path().equals(parent)) || chain.size() > 20) {
                problems.add(pomPath + ": its parents form a cycle");
                break;
            }
            chain.add(p);
        }
        return chain;
    }

    /**
     * Whether a main jar holds data only: no class file (a jar of resources, such as the kernel's
     * YNL specs, which ship under their own licence).
     */
    private static boolean isDataOnly(Path jar) {
        try (JarFile j = new JarFile(jar.toFile())) {
            return j.stream().noneMatch(e -> e.getName().endsWith(".class"));
        } catch (IOException e) {
            return false; // reported where the main jar is checked
        }
    }

    /** A data-only jar's sources jar: its "sources" are the data, so it holds every file of the main jar outside META-INF. */
    private static void checkSameFiles(Path main, Path sources, String f, List<String> problems) {
        try (JarFile m = new JarFile(main.toFile()); JarFile s = new JarFile(sources.toFile())) {
            Set<String> have = new TreeSet<>();
            s.stream().filter(e -> !e.isDirectory()).forEach(e -> have.add(e.getName()));
            List<String> lacking = m.stream().filter(e -> !e.isDirectory() && !e.getName().startsWith("META-INF/"))
                    .map(java.util.zip.ZipEntry::getName).filter(n -> !have.contains(n)).sorted().toList();
            if (have.stream().noneMatch(n -> !n.startsWith("META-INF/"))) {
                problems.add(f + ": no source (the main jar holds no classes, so its sources jar holds its files)");
            } else if (!lacking.isEmpty()) {
                problems.add(f + ": lacks files of the main jar: " + lacking);
            }
        } catch (IOException e) {
            problems.add(f + ": not a jar (" + e.getMessage() + ")");
        }
    }

    /**
     * Every POM should point at the same project: same url, scm url and licences. The licences of
     * a data-only jar (no classes) are its data's and may differ.
     */
    private void checkSameMetadata(Path dir, Map<String, Pom> poms, Set<String> dataOnly, List<String> problems) {
        Map<String, Map<String, String>> seen = new TreeMap<>();
        for (Map.Entry<String, Pom> e : poms.entrySet()) {
            List<Pom> chain = chain(dir, e.getValue(), e.getKey(), new ArrayList<>());
            String url = first(chain, p -> p.text("url"));
            String scm = first(chain, p -> p.text("scm", "url"));
            Pom lp = firstPom(chain, p -> p.all("licenses", "license").isEmpty() ? null : p);
            String licenses = lp == null ? null
                    : String.join(",", lp.all("licenses", "license").stream().map(l -> Pom.text(l, "name")).toList());
            for (String[] kv : new String[][] {{"url", url}, {"scm url", scm}, {"licenses", licenses}}) {
                if (kv[0].equals("licenses") && dataOnly.contains(e.getKey())) {
                    continue;
                }
                if (kv[1] != null) {
                    seen.computeIfAbsent(kv[0], k -> new TreeMap<>()).put(e.getKey(), kv[1]);
                }
            }
        }
        for (Map.Entry<String, Map<String, String>> s : seen.entrySet()) {
            if (new TreeSet<>(s.getValue().values()).size() > 1) {
                problems.add("the POMs disagree on their " + s.getKey() + ": " + s.getValue());
            }
        }
    }

    private void checkBom(Pom bom, List<String> jarArtifacts, List<String> problems) {
        Set<String> managed = new TreeSet<>();
        for (Element d : bom.all("dependencyManagement", "dependencies", "dependency")) {
            String g = Pom.text(d, "groupId");
            String a = Pom.text(d, "artifactId");
            String v = Pom.text(d, "version");
            if (!groupId.equals(g) && !"${project.groupId}".equals(g)) {
                continue;
            }
            managed.add(a);
            if (!artifactIds.contains(a)) {
                problems.add(bomArtifactId + ": manages " + a + ", which does not ship");
            }
            if (!"${project.version}".equals(v) && !bom.version().equals(v)) {
                problems.add(bomArtifactId + ": manages " + a + " at " + v + ", not its own version " + bom.version());
            }
        }
        for (String a : jarArtifacts) {
            if (!managed.contains(a)) {
                problems.add(bomArtifactId + ": does not manage " + a);
            }
        }
    }

    private static String first(List<Pom> chain, java.util.function.Function<Pom, String> f) {
        for (Pom p : chain) {
            String v = f.apply(p);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private static Pom firstPom(List<Pom> chain, java.util.function.Function<Pom, Pom> f) {
        for (Pom p : chain) {
            Pom v = f.apply(p);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    /**
     * Checks a bundle from the command line; exits 1 when it finds a problem.
     *
     * @param args {@code [--release] DIR GROUP_ID BOM_ARTIFACT_ID ARTIFACT_ID...}
     */
    public static void main(String[] args) {
        List<String> a = new ArrayList<>(List.of(args));
        boolean release = a.remove("--release");
        if (a.size() < 4) {
            System.err.println("usage: BundleCheck [--release] DIR GROUP_ID BOM_ARTIFACT_ID ARTIFACT_ID...");
            System.exit(2);
        }
        Path dir = Path.of(a.get(0));
        List<String> problems = new BundleCheck(a.get(1), a.subList(3, a.size()), a.get(2), release).problems(dir);
        problems.forEach(System.err::println);
        System.out.println(dir + ": " + (problems.isEmpty() ? "complete" : problems.size() + " problems"));
        System.exit(problems.isEmpty() ? 0 : 1);
    }

    /** A POM as written (no inheritance, no interpolation). */
    record Pom(Path path, Element root, String groupId, String artifactId, String version, String packaging,
               String[] parent) {

        static Pom read(Path path) {
            Element root;
            try {
                DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
                f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
                f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
                DocumentBuilder b = f.newDocumentBuilder();
                b.setErrorHandler(new DefaultHandler()); // errors throw and are reported; no printing
                root = b.parse(path.toFile()).getDocumentElement();
            } catch (ParserConfigurationException | SAXException | IOException e) {
                throw new IllegalArgumentException("not a readable POM: " + e.getMessage(), e);
            }
            if (!root.getTagName().equals("project")) {
                throw new IllegalArgumentException("not a POM: root element <" + root.getTagName() + ">");
            }
            Element parent = child(root, "parent");
            String[] p = parent == null ? null
                    : new String[] {text(parent, "groupId"), text(parent, "artifactId"), text(parent, "version")};
            String g = text(root, "groupId");
            String v = text(root, "version");
            String packaging = text(root, "packaging");
            return new Pom(path, root, g != null ? g : p == null ? null : p[0], text(root, "artifactId"),
                    v != null ? v : p == null ? null : p[2], packaging == null ? "jar" : packaging, p);
        }

        String text(String... names) {
            Element e = root;
            for (int i = 0; i < names.length - 1 && e != null; i++) {
                e = child(e, names[i]);
            }
            return e == null ? null : text(e, names[names.length - 1]);
        }

        List<Element> all(String... names) {
            List<Element> level = List.of(root);
            for (String n : names) {
                List<Element> next = new ArrayList<>();
                for (Element e : level) {
                    for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
                        if (c instanceof Element ce && ce.getTagName().equals(n)) {
                            next.add(ce);
                        }
                    }
                }
                level = next;
            }
            return level;
        }

        static Element child(Element e, String name) {
            for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
                if (c instanceof Element ce && ce.getTagName().equals(name)) {
                    return ce;
                }
            }
            return null;
        }

        static String text(Element e, String name) {
            Element c = child(e, name);
            if (c == null) {
                return null;
            }
            String t = c.getTextContent().trim();
            return t.isEmpty() ? null : t;
        }
    }
}
