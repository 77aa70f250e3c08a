// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.socket;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.channels.Channels;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * Loads the JNI shim ({@code native/netlink4j.c}), once per copy of netlink4j in a JVM, from the
 * first of:
 * <ol>
 *   <li>the file named by the system property {@value #PATH_PROPERTY}, when its file name is for
 *       this copy (see below); if that file does not load, the shim is unavailable and nothing
 *       else is tried;</li>
 *   <li>{@code System.loadLibrary(}{@link #libraryName()}{@code )}: a copy installed on
 *       {@code java.library.path} as {@code lib<libraryName>.so}. The name carries the platform
 *       and this build's version ({@code netlink4j_linux_x86_64_1.2.0}), so a copy left there by
 *       another version is never picked up. A {@code -SNAPSHOT} version also carries the first
 *       12 hexadecimal digits of the SHA-256 of the jar's copy of the library
 *       ({@code netlink4j_linux_x86_64_1.2.0-SNAPSHOT-3f2a9c01b7de}): two snapshot builds share a
 *       name only when their libraries are the same bytes, and the same sources give the same name
 *       on every build (the build is reproducible);</li>
 *   <li>the copy in the jar, {@code META-INF/native/<platform>/libnetlink4j_<platform>.so}
 *       ({@code linux-x86_64} and {@code linux-aarch64}; the one in the same jar as this class
 *       first), written to a new private directory (mode 0700) under
 *       {@value #WORKDIR_PROPERTY} (default {@code java.io.tmpdir}, created if missing), loaded,
 *       and deleted again, so concurrent JVMs and other users of the directory cannot interfere
 *       and nothing is left behind. The directory must be on a file system mounted {@code exec}:
 *       on a {@code noexec} one the failure says so and names the alternatives.</li>
 * </ol>
 *
 * <p><b>Relocated copies.</b> A shading tool that relocates {@code io.netlink4j} (to, say,
 * {@code com.acme_x.io.netlink4j}) leaves the shim's {@code JNI_OnLoad} looking for its class
 * under the original name. So the loader derives the prefix from the relocated name of
 * {@code Native} ({@code com.acme_x.}) and puts it, mangled as JNI mangles names ({@code '_'}
 * written {@code "_1"}, {@code '.'} written {@code '_'}), at the front of the file name it loads:
 * {@code libcom_acme_1x_netlink4j_linux_x86_64_1.2.0.so}, both for the extracted copy and for the
 * name looked up on {@code java.library.path}. {@code JNI_OnLoad} reads its own file name back
 * and registers the natives on {@code com/acme_x/io/netlink4j/socket/Native}. A file name
 * without a prefix, such as the one {@value #PATH_PROPERTY} usually names, is for the
 * unrelocated {@code io.netlink4j}; a relocated copy ignores such a file and goes on with the
 * next source. Each copy loads its own library file, so relocated and unrelocated copies of
 * netlink4j work side by side in one JVM.
 *
 * <p>Not API: the outcome is public through {@link NetlinkSocket#isAvailable()} and
 * {@link NetlinkSocket#unavailabilityCause()}. The members below stay {@code public} for the
 * loader tests, which call them by reflection on relocated copies.
 *
 * <p>{@link #isAvailable()} and {@link #unavailabilityCause()} report the outcome. The cause's
 * message says what was tried and what to do; the failure of each source is attached to it as a
 * suppressed exception. Running this class ({@code java -cp netlink4j-core.jar
 * io.netlink4j.socket.NativeLibrary}) prints the platform, the library name to install and where
 * the shim was loaded from.
 *
 * <p>Loading a library is a restricted operation from JDK 24 on (JEP 472): the JVM warns unless
 * native access is enabled for this code ({@code --enable-native-access=ALL-UNNAMED} on the class
 * path), and refuses with {@code --illegal-native-access=deny}, which a future JDK makes the
 * default. A refusal becomes the {@link #unavailabilityCause()}, naming the option to use.
 */
final class NativeLibrary {
    /** System property naming an explicit shared library file to load. */
    public static final String PATH_PROPERTY = "netlink4j.native.path";
    /** System property naming the directory the copy in the jar is extracted to (default java.io.tmpdir). */
    public static final String WORKDIR_PROPERTY = "netlink4j.native.workdir";
    /** The platforms the jar carries a shim for, as {@code <os>-<arch>}. */
    public static final List<String> SUPPORTED_PLATFORMS = List.of("linux-x86_64", "linux-aarch64");

    /**
     * The unrelocated name of {@link Native}, assembled at run time: a shading tool rewrites string
     * constants that look like names in the relocated package, and this one must stay as it is.
     */
    private static final String NATIVE_CLASS = String.join(".", "io", "netlink4j", "socket", "Native");
    /** What follows the mangled prefix in every name of the library file (the C side's NL4J_FILE_STEM). */
    private static final String FILE_STEM = "netlink4j_linux_";
    /** Generated at build time: the project version. */
    private static final String BUILD_RESOURCE = "native-library.properties";

    private static final String NAME;
    private static final String SOURCE;
    private static final Throwable UNAVAILABILITY_CAUSE;

    static {
        Loader loader = new Loader();
        try {
            loader.load();
        } catch (IllegalCallerException e) {
            // JDK 24+ with --illegal-native-access=deny (a future default): name the option.
            Module module = NativeLibrary.class.getModule();
            UnsatisfiedLinkError error = new UnsatisfiedLinkError("native access is not enabled for "
                    + (module.isNamed() ? "module " + module.getName() : "code on the class path (unnamed module)")
                    + ", so the JVM refuses to load netlink4j's JNI shim: start java with " + enableOption(module));
            error.initCause(e);
            loader.failure = error;
        } catch (RuntimeException | LinkageError e) {
            // Never fail class initialisation: the cause is reported like any other.
            loader.failure = e;
        }
        NAME = loader.libraryName;
        SOURCE = loader.source;
        UNAVAILABILITY_CAUSE = loader.failure;
    }

    private NativeLibrary() {}

    /** The java option that enables native access for {@code module} (JDK 22 and later). */
    static String enableOption(Module module) {
        return "--enable-native-access=" + (module.isNamed() ? module.getName() : "ALL-UNNAMED");
    }

    /** Whether the shim loaded; when false, {@link #unavailabilityCause()} says why. */
    public static boolean isAvailable() {
        return UNAVAILABILITY_CAUSE == null;
    }

    /** Why the shim could not be loaded, or null when it is loaded. */
    public static Throwable unavailabilityCause() {
        return UNAVAILABILITY_CAUSE;
    }

    /** Throws an {@link UnsatisfiedLinkError} explaining why the shim is missing, if it is. */
    public static void ensureAvailable() {
        if (UNAVAILABILITY_CAUSE != null) {
            UnsatisfiedLinkError e = new UnsatisfiedLinkError(
                    "netlink4j native library unavailable: " + UNAVAILABILITY_CAUSE.getMessage());
            e.initCause(UNAVAILABILITY_CAUSE);
            throw e;
        }
    }

    /**
     * The name this copy of netlink4j passes to {@code System.loadLibrary}: install the shim on
     * {@code java.library.path} as {@code lib<name>.so}. For example
     * {@code netlink4j_linux_x86_64_1.2.0}, with the mangled package prefix in front when
     * netlink4j is relocated. Null when the platform is unsupported or this build carries no
     * version (classes not built by Maven), in which case {@code java.library.path} is not searched.
     */
    public static String libraryName() {
        return NAME;
    }

    /** Where the shim was loaded from, or null when it is unavailable. */
    static String source() {
        return SOURCE;
    }

    /** Prints what the loader did in this JVM: platform, library name, source or cause. */
    public static void main(String[] args) {
        System.out.println("platform:       " + System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        System.out.println("library name:   " + (NAME == null ? "(none)" : NAME + " (file lib" + NAME + ".so)"));
        System.out.println("loaded from:    " + (SOURCE == null ? "(not loaded)" : SOURCE));
        if (UNAVAILABILITY_CAUSE != null) {
            System.out.println("unavailable:    " + UNAVAILABILITY_CAUSE.getMessage());
            for (Throwable t : UNAVAILABILITY_CAUSE.getSuppressed()) {
                System.out.println("  " + t);
            }
        }
    }

    /**
     * Maps the JVM's {@code os.name} and {@code os.arch} to a supported platform name.
     *
     * @throws UnsupportedOperationException naming both and the supported platforms
     */
    static String platform(String osName, String osArch) {
        String os = osName == null ? "" : osName.toLowerCase(Locale.ROOT);
        String arch = osArch == null ? "" : osArch.toLowerCase(Locale.ROOT);
        if (os.equals("linux")) {
            switch (arch) {
                case "amd64", "x86_64":
                    return "linux-x86_64";
                case "aarch64", "arm64":
                    return "linux-aarch64";
                default:
                    break;
            }
        }
        throw new UnsupportedOperationException("netlink4j has no native library for os.name=" + osName
                + ", os.arch=" + osArch + " (supported: " + String.join(", ", SUPPORTED_PLATFORMS)
                + (os.equals("linux") ? ")" : "; netlink exists only on Linux)"));
    }

    /**
     * The package prefix a shading tool put in front of {@code io.netlink4j}, from the run-time
     * name of {@link Native}: {@code "com.acme.shaded."} for
     * {@code com.acme.shaded.io.netlink4j.socket.Native}, {@code ""} when not relocated.
     *
     * @throws IllegalStateException when the name cannot be carried by a library file name
     */
    static String packagePrefix(String nativeClassName) {
        if (!nativeClassName.endsWith(NATIVE_CLASS)) {
            throw new IllegalStateException("cannot find the package prefix of " + nativeClassName
                    + " (expected: a name ending in " + NATIVE_CLASS + ")");
        }
        String prefix = nativeClassName.substring(0, nativeClassName.length() - NATIVE_CLASS.length());
        if (!prefix.isEmpty() && !prefix.endsWith(".")) {
            throw new IllegalStateException("cannot find the package prefix of " + nativeClassName
                    + " (expected: a package name in front of " + NATIVE_CLASS + ")");
        }
        for (int i = 0; i < prefix.length(); i++) {
            char c = prefix.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '$' || c == '.')) {
                throw new IllegalStateException("the package prefix '" + prefix + "' netlink4j is relocated to has a character "
                        + "the native library's file name cannot carry: '" + c
                        + "' (expected: ASCII letters, digits, '_', '$' and '.')");
            }
        }
        return prefix;
    }

    /** The package prefix mangled for a file name: {@code '_'} becomes {@code "_1"}, {@code '.'} becomes {@code '_'}. */
    static String mangle(String prefix) {
        return prefix.replace("_", "_1").replace('.', '_');
    }

    /**
     * The package prefix a library file name carries, as the shim's {@code JNI_OnLoad} reads it:
     * the mangled text between {@code "lib"} and the last {@code "netlink4j_linux_"}, decoded;
     * {@code ""} when the name carries none or a malformed one.
     */
    static String prefixOfFileName(String fileName) {
        int stem = fileName.lastIndexOf(FILE_STEM);
        if (!fileName.startsWith("lib") || stem < 3) {
            return "";
        }
        StringBuilder prefix = new StringBuilder();
        int segment = 0;
        for (int i = 3; i < stem; i++) {
            char c = fileName.charAt(i);
            if (c == '_' && i + 1 < stem && fileName.charAt(i + 1) == '1') {
                prefix.append('_');
                segment++;
                i++;
            } else if (c == '_') {
                if (segment == 0) {
                    return "";
                }
                prefix.append('.');
                segment = 0;
            } else {
                prefix.append(c);
                segment++;
            }
        }
        return segment == 0 ? prefix.toString() : "";
    }

    /** Hexadecimal digits of the library's SHA-256 in a snapshot's version tag. */
    static final int DIGEST_DIGITS = 12;

    /**
     * The version tag of library names: the version, and for a snapshot the first
     * {@value #DIGEST_DIGITS} hexadecimal digits of the SHA-256 of the library's bytes after it.
     * Null when the version is unknown (resources not filtered by the build), or when a snapshot's
     * library is not there to be digested.
     */
    static String versionTag(Properties build, URL library) throws IOException {
        String version = build.getProperty("version", "");
        if (!version.matches("[A-Za-z0-9.+-]+")) {
            return null; // not generated by the build (resources not filtered)
        }
        if (!version.endsWith("-SNAPSHOT")) {
            return version;
        }
        if (library == null) {
            return null;
        }
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IOException("no SHA-256 in this JVM, which every Java platform must have", e);
        }
        try (InputStream in = library.openStream()) {
            byte[] chunk = new byte[16384];
            for (int n; (n = in.read(chunk)) > 0; ) {
                sha256.update(chunk, 0, n);
            }
        }
        return version + "-" + HexFormat.of().formatHex(sha256.digest()).substring(0, DIGEST_DIGITS);
    }

    /** One load attempt; each step records its failure and the next step goes on. */
    private static final class Loader {
        private final List<Throwable> attempts = new ArrayList<>();
        private String libraryName;
        private String source;
        private Throwable failure;

        void load() {
            String platform;
            String prefix;
            try {
                platform = platform(System.getProperty("os.name"), System.getProperty("os.arch"));
                prefix = packagePrefix(Native.class.getName());
            } catch (UnsupportedOperationException | IllegalStateException e) {
                failure = e;
                return;
            }
            String stem = mangle(prefix) + "netlink4j_" + platform.replace('-', '_');
            String resource = "META-INF/native/" + platform + "/libnetlink4j_" + platform.replace('-', '_') + ".so";
            URL codeSource = codeSource();
            URL library;
            try {
                library = findResource(resource, codeSource);
            } catch (IOException e) {
                failure = withCause("cannot look up " + resource + " in the class path: " + e, e);
                return;
            }
            String tag = null;
            try {
                tag = versionTag(buildProperties(), library);
            } catch (IOException e) {
                attempts.add(e);
            }
            libraryName = tag == null ? null : stem + "_" + tag;
            if (!fromExplicitPath(prefix) && !fromLibraryPath()) {
                fromJar(platform, stem, resource, codeSource, library);
            }
            if (failure != null) {
                attempts.forEach(failure::addSuppressed);
            }
        }

        private static Properties buildProperties() throws IOException {
            Properties p = new Properties();
            try (InputStream in = NativeLibrary.class.getResourceAsStream(BUILD_RESOURCE)) {
                if (in == null) {
                    throw new IOException("java.library.path not searched: no " + BUILD_RESOURCE
                            + " beside " + NativeLibrary.class.getName() + " says which version of netlink4j this is");
                }
                p.load(in);
            }
            return p;
        }

        /** Returns true when done: loaded, or failed with nothing else to try. */
        private boolean fromExplicitPath(String prefix) {
            String explicit = System.getProperty(PATH_PROPERTY);
            if (explicit == null || explicit.isEmpty()) {
                return false;
            }
            Path file;
            try {
                file = Path.of(explicit).toAbsolutePath();
            } catch (InvalidPathException e) {
                failure = withCause("-D" + PATH_PROPERTY + "=" + explicit + " is not a file name: " + e.getMessage(), e);
                return true;
            }
            String fileName = file.getFileName() == null ? "" : file.getFileName().toString();
            String filePrefix = prefixOfFileName(fileName);
            if (!filePrefix.equals(prefix)) {
                attempts.add(new UnsatisfiedLinkError("-D" + PATH_PROPERTY + "=" + explicit + " not used: its file name is for "
                        + describePrefix(filePrefix) + ", this copy of netlink4j has " + describePrefix(prefix)
                        + " (expected a file named lib" + mangle(prefix) + FILE_STEM + "<arch>[...].so)"));
                return false;
            }
            try {
                System.load(file.toString());
                source = PATH_PROPERTY + " (" + file + ")";
            } catch (LinkageError | SecurityException e) {
                String advice = noexec(file) ? " " + file.getParent() + " is on a file system mounted noexec: put the file"
                        + " on one mounted exec." : "";
                failure = withCause("cannot load the shim named by -D" + PATH_PROPERTY + "=" + explicit + ": "
                        + e.getMessage() + "." + advice, e);
            }
            return true;
        }

        private boolean fromLibraryPath() {
            if (libraryName == null) {
                return false;
            }
            try {
                System.loadLibrary(libraryName);
                source = "java.library.path (lib" + libraryName + ".so)";
                return true;
            } catch (LinkageError | SecurityException e) {
                attempts.add(e);
                return false;
            }
        }

        private void fromJar(String platform, String stem, String resource, URL codeSource, URL url) {
            if (url == null) {
                failure = new UnsatisfiedLinkError("netlink4j's native library for " + platform + " is missing: no "
                        + resource + " in " + describe(codeSource) + " (nor elsewhere on the class path), and no "
                        + (libraryName == null ? "versioned library" : "lib" + libraryName + ".so")
                        + " on java.library.path. Use a netlink4j jar built with the " + platform + " library, install"
                        + " the library on java.library.path under that name, or name the file with -D" + PATH_PROPERTY + ".");
                return;
            }
            String jar = url.getProtocol().equals("jar") ? resource + " in " + describe(url) : describe(url);
            String workdirProperty = System.getProperty(WORKDIR_PROPERTY);
            Path workdir;
            try {
                workdir = Path.of(workdirProperty == null || workdirProperty.isEmpty()
                        ? System.getProperty("java.io.tmpdir") : workdirProperty).toAbsolutePath();
            } catch (InvalidPathException e) {
                failure = withCause("-D" + WORKDIR_PROPERTY + "=" + workdirProperty + " is not a directory name: "
                        + e.getMessage(), e);
                return;
            }
            String fileName = "lib" + (libraryName == null ? stem : libraryName) + ".so";
            Path dir = null;
            Path file = null;
            try {
                Files.createDirectories(workdir);
                dir = Files.createTempDirectory(workdir, "netlink4j-");
                file = dir.resolve(fileName);
                try (InputStream in = url.openStream();
                     OutputStream out = Channels.newOutputStream(Files.newByteChannel(file,
                             EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE),
                             PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))))) {
                    in.transferTo(out);
                }
                try {
                    System.load(file.toString());
                    source = jar + ", extracted to " + file;
                } catch (LinkageError | SecurityException e) {
                    String why = noexec(file)
                            ? " " + workdir + " is on a file system mounted noexec, where no library can be loaded."
                            : " If " + workdir + " is on a file system mounted noexec, or a security policy forbids"
                            + " mapping code from it, that is why.";
                    // The JVM repeats the file name in front of dlopen's message, which has it already.
                    String detail = String.valueOf(e.getMessage());
                    while (detail.startsWith(file + ": ")) {
                        detail = detail.substring(file.toString().length() + 2);
                    }
                    failure = withCause("cannot load netlink4j's native library " + jar + ", extracted to " + file
                            + ": " + detail + "." + why + " " + advice(workdir), e);
                }
            } catch (IOException | SecurityException | UnsupportedOperationException e) {
                failure = withCause("cannot extract netlink4j's native library " + jar + " into "
                        + workdir + ": " + e + ". " + advice(workdir), e);
            } finally {
                // The mapping stays valid after unlinking; nothing is left behind.
                deleteQuietly(file);
                deleteQuietly(dir);
            }
        }

        private String advice(Path workdir) {
            return "Set -D" + WORKDIR_PROPERTY + " to a writable directory on a file system mounted exec (now "
                    + workdir + "), or install the library as "
                    + (libraryName == null ? "lib<name>.so" : "lib" + libraryName + ".so")
                    + " in a directory on java.library.path, or name the file with -D" + PATH_PROPERTY + ".";
        }

        private static UnsatisfiedLinkError withCause(String message, Throwable cause) {
            UnsatisfiedLinkError e = new UnsatisfiedLinkError(message);
            e.initCause(cause);
            return e;
        }
    }

    private static String describePrefix(String prefix) {
        return prefix.isEmpty() ? "the unrelocated package" : "the package prefix " + prefix;
    }

    /** A file that exists but cannot be executed even with its x bits set lies on a noexec mount. */
    private static boolean noexec(Path file) {
        try {
            return Files.isRegularFile(file) && Files.getPosixFilePermissions(file).containsAll(
                    PosixFilePermissions.fromString("--x------")) && !Files.isExecutable(file);
        } catch (IOException | SecurityException | UnsupportedOperationException e) {
            return false;
        }
    }

    private static URL codeSource() {
        try {
            CodeSource cs = NativeLibrary.class.getProtectionDomain().getCodeSource();
            return cs == null ? null : cs.getLocation();
        } catch (SecurityException e) {
            return null;
        }
    }

    /** A location as a file path where it is a file: the jar for a resource inside a jar. */
    private static String describe(URL location) {
        if (location == null) {
            return "the class path";
        }
        String s = location.toString();
        if (s.startsWith("jar:")) {
            int bang = s.indexOf("!/");
            s = s.substring(4, bang < 0 ? s.length() : bang);
        }
        try {
            return s.startsWith("file:") ? Path.of(new URI(s)).toString() : s;
        } catch (URISyntaxException | IllegalArgumentException e) {
            return s;
        }
    }

    /** The resource from the jar (or directory) this class came from, else the first on the class path. */
    private static URL findResource(String resource, URL codeSource) throws IOException {
        ClassLoader loader = NativeLibrary.class.getClassLoader();
        if (loader == null) {
            loader = ClassLoader.getSystemClassLoader();
        }
        String own = codeSource == null ? null : codeSource.toString();
        URL first = null;
        for (Enumeration<URL> urls = loader.getResources(resource); urls.hasMoreElements(); ) {
            URL url = urls.nextElement();
            String s = url.toString();
            if (own != null && (s.startsWith("jar:" + own + "!/") || s.startsWith(own) && own.endsWith("/"))) {
                return url;
            }
            if (first == null) {
                first = url;
            }
        }
        return first;
    }

    private static void deleteQuietly(Path path) {
        if (path != null) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException | SecurityException e) {
                // Best effort: the library is mapped either way.
            }
        }
    }
}
