// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ynl.codegen;

import io.netlink4j.ynl.YnlAttribute;
import io.netlink4j.ynl.YnlAttributeSet;
import io.netlink4j.ynl.YnlByteOrder;
import io.netlink4j.ynl.YnlDefinition;
import io.netlink4j.ynl.YnlEnum;
import io.netlink4j.ynl.YnlMessage;
import io.netlink4j.ynl.YnlOperation;
import io.netlink4j.ynl.YnlSpec;
import io.netlink4j.ynl.YnlStruct;
import io.netlink4j.ynl.YnlType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a YNL spec into Java sources: a typed client for the family, which encodes and decodes
 * with the core codec ({@code MessageWriter}, {@code AttributeReader}) directly. For a family
 * {@code F} (the spec's name as a type, {@code rt-route} &rarr; {@code RtRoute}) the package holds:
 * <ul>
 *   <li>{@code FClient}: opens a connection to the family (a generic netlink family's id resolved
 *       once, when it is opened) and has a method per operation: its {@code do} as
 *       {@code op(request)} (returning the reply, or nothing when the kernel only acknowledges;
 *       also with extra message flags), its {@code dump} as {@code opDump(filter)} returning a list
 *       and {@code opDumpEach(filter, consumer)} streaming in bounded memory;</li>
 *   <li>per attribute set, an immutable final class with a builder; every attribute is optional
 *       ({@code OptionalInt}, {@code OptionalLong}, {@code Optional}), multi-attr attributes and
 *       indexed arrays are lists, flags are booleans; attributes the spec lacks are kept in
 *       {@code unknown()} and encoded back;</li>
 *   <li>per struct a record, per fixed header and attribute set used together a message record
 *       ({@code header()}, {@code attributes()});</li>
 *   <li>per enum an open value class (unknown values decode to an instance named by the number),
 *       per set of flags a flag holder class (unknown bits kept);</li>
 *   <li>if the spec has notifications, a sealed interface {@code FNotification} with a record per
 *       notification and {@code FClient.decodeNotification}.</li>
 * </ul>
 * Javadoc comes from the spec's {@code doc} fields. The generated sources compile without
 * warnings under {@code -Xlint:all}.
 */
public final class YnlJavaGenerator {
    /**
     * A generated source file.
     *
     * @param path    its path relative to a source root ({@code io/example/Foo.java})
     * @param content its text
     */
    public record SourceFile(String path, String content) {
        /** Checks the components. */
        public SourceFile {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(content, "content");
        }
    }

    private static final Pattern PACKAGE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");

    /** Names the generated code uses itself, never given to a generated type. */
    private static final Set<String> RESERVED_TYPES = Set.of("String", "Object", "Integer", "Long", "Boolean",
            "Byte", "Short", "Character", "Math", "System", "Override", "Deprecated", "Record", "Enum", "Class",
            "Void", "Number", "Iterable", "Thread", "Runtime", "Error", "Exception", "Process", "Module", "Package",
            "StringBuilder", "Float", "Double", "SafeVarargs", "FunctionalInterface", "SuppressWarnings",
            "List", "Map", "Optional", "OptionalInt", "OptionalLong", "Objects", "Arrays", "ArrayList",
            "Consumer", "ByteBuf", "MessageWriter", "MessageReader", "AttributeReader", "NetlinkConnection",
            "NetlinkOptions", "GenericNetlink", "GenlFamily", "Genl", "Path", "NetlinkDecodeException",
            "RequestBody", "ReplyDecoder", "NetlinkProtocol", "Netlink", "UnknownAttribute", "Bitfield32", "Wire",
            "Builder", "AutoCloseable", "Comparable", "Cloneable");

    /** Member names the generated classes use themselves. */
    private static final Set<String> RESERVED_MEMBERS = Set.of("builder", "toBuilder", "unknown", "encodeTo",
            "decode", "equals", "hashCode", "toString", "getClass", "notify", "notifyAll", "wait", "clone",
            "finalize", "build");

    /** Method names of the client besides the operations'. */
    private static final Set<String> RESERVED_OPERATIONS = Set.of("open", "close", "connection", "family",
            "decodeNotification", "equals", "hashCode", "toString", "getClass", "notify", "notifyAll", "wait",
            "clone", "finalize");

    /** Field names of the generated enum and flags classes. */
    private static final Set<String> RESERVED_CONSTANTS = Set.of("KNOWN", "NONE", "MASKS", "NAMES", "CACHE");

    private final YnlSpec spec;
    private final String pkg;
    private final String family;
    private final Map<String, String> enumClasses = new LinkedHashMap<>();
    private final Map<String, String> structClasses = new LinkedHashMap<>();
    private final Map<String, String> setClasses = new LinkedHashMap<>();
    private final Map<String, String> messageClasses = new LinkedHashMap<>();
    private final Set<String> taken = new HashSet<>(RESERVED_TYPES);
    private boolean bitfield32;

    private YnlJavaGenerator(YnlSpec spec, String pkg) {
        this.spec = spec;
        this.pkg = pkg;
        this.family = JavaNames.type(spec.name());
        taken.add(family + "Client");
        taken.add(family + "Notification");
        for (YnlDefinition d : spec.definitions().values()) {
            if (d instanceof YnlEnum e) {
                enumClasses.put(e.name(), claim(JavaNames.type(e.name()), e.flags() ? "Flags" : "Enum"));
            } else if (d instanceof YnlStruct s) {
                structClasses.put(s.name(), claim(JavaNames.type(s.name()), "Struct"));
            }
        }
        for (YnlAttributeSet s : spec.attributeSets().values()) {
            setClasses.put(s.name(), claim(JavaNames.type(s.name()), "Attrs"));
        }
        for (YnlOperation op : spec.operations().values()) {
            if (op.fixedHeader().isPresent() && op.attributeSet().isPresent()) {
                String key = op.fixedHeader().get() + "/" + op.attributeSet().get();
                if (!messageClasses.containsKey(key)) {
                    messageClasses.put(key, claim(setClasses.get(op.attributeSet().get()) + "Message", "Msg"));
                }
            }
        }
    }

    private String claim(String name, String suffix) {
        String n = name;
        while (!taken.add(n)) {
            n = n + suffix;
        }
        return n;
    }

    /**
     * Generates the sources of {@code spec}'s client in {@code packageName}.
     *
     * @param spec        a loaded spec
     * @param packageName the package of the generated classes, e.g. {@code com.example.netdev}
     * @return the files, paths relative to a source root
     * @throws IllegalArgumentException if {@code packageName} is not a Java package name
     */
    public static List<SourceFile> generate(YnlSpec spec, String packageName) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(packageName, "packageName");
        if (!PACKAGE.matcher(packageName).matches()) {
            throw new IllegalArgumentException("packageName: \"" + packageName
                    + "\" (expected: a Java package name such as com.example.netdev)");
        }
        return new YnlJavaGenerator(spec, packageName).all();
    }

    /**
     * Generates the sources of {@code spec}'s client in {@code packageName} and writes them under
     * {@code sourceRoot} (in the package's directories), replacing files of the same name.
     *
     * @param spec        a loaded spec
     * @param packageName the package of the generated classes
     * @param sourceRoot  the source root
     * @return the files written
     * @throws UncheckedIOException if a file cannot be written
     */
    public static List<Path> generate(YnlSpec spec, String packageName, Path sourceRoot) {
        Objects.requireNonNull(sourceRoot, "sourceRoot");
        List<Path> out = new ArrayList<>();
        try {
            for (SourceFile f : generate(spec, packageName)) {
                Path p = sourceRoot.resolve(f.path());
                Files.createDirectories(p.getParent());
                byte[] content = f.content().getBytes(StandardCharsets.UTF_8);
                // Unchanged files keep their time stamp, so that incremental builds do not recompile them.
                if (!Files.exists(p) || !java.util.Arrays.equals(Files.readAllBytes(p), content)) {
                    Files.write(p, content);
                }
                out.add(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the sources of " + spec.name() + " under " + sourceRoot, e);
        }
        return out;
    }

    private List<SourceFile> all() {
        List<SourceFile> out = new ArrayList<>();
        for (YnlDefinition d : spec.definitions().values()) {
            if (d instanceof YnlEnum e) {
                out.add(file(enumClasses.get(e.name()), e.flags() ? flagsClass(e) : enumClass(e)));
            } else if (d instanceof YnlStruct s) {
                out.add(file(structClasses.get(s.name()), structClass(s)));
            }
        }
        for (YnlAttributeSet s : spec.attributeSets().values()) {
            out.add(file(setClasses.get(s.name()), setClass(s)));
        }
        for (Map.Entry<String, String> m : messageClasses.entrySet()) {
            String[] key = m.getKey().split("/", 2);
            out.add(file(m.getValue(), messageClass(m.getValue(), key[0], key[1])));
        }
        List<YnlOperation> notifications = spec.operations().values().stream()
                .filter(YnlOperation::isNotification).filter(op -> !notificationType(op).equals("UnknownAttribute"))
                .filter(op -> op.replyValue().isPresent() || op.requestValue().isPresent()).toList();
        if (!notifications.isEmpty()) {
            out.add(file(family + "Notification", notificationInterface(notifications)));
        }
        out.add(file(family + "Client", clientClass(notifications)));
        out.add(file("Wire", SupportSources.wire(pkg)));
        out.add(file("UnknownAttribute", SupportSources.unknownAttribute(pkg)));
        if (bitfield32) {
            out.add(file("Bitfield32", SupportSources.bitfield32(pkg)));
        }
        return out;
    }

    private SourceFile file(String className, String content) {
        return new SourceFile(pkg.replace('.', '/') + "/" + className + ".java", content);
    }

    // ------------------------------------------------------------------------------- javadoc

    private static String docText(String doc) {
        String text = doc.strip().replaceAll("\\s+", " ");
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("@", "&#64;")
                .replace("*/", "*&#47;").replace("{", "&#123;").replace("}", "&#125;").replace("\\", "&#92;");
    }

    private static void javadoc(StringBuilder sb, String indent, String summary, String doc, String... tags) {
        sb.append(indent).append("/**\n");
        String first = summary;
        if (!doc.isBlank()) {
            first = summary.isEmpty() ? docText(doc) : summary + " " + docText(doc);
        }
        if (first.isEmpty()) {
            first = "See the spec.";
        }
        if (!first.endsWith(".")) {
            first = first + ".";
        }
        for (String line : wrap(first, 96 - indent.length())) {
            sb.append(indent).append(" * ").append(line).append('\n');
        }
        if (tags.length > 0) {
            sb.append(indent).append(" *\n");
            for (String t : tags) {
                sb.append(indent).append(" * ").append(t).append('\n');
            }
        }
        sb.append(indent).append(" */\n");
    }

    private static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        return lines;
    }

    private static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                default -> {
                    if (c < 0x20 || c > 0x7E) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    private String header() {
        return SupportSources.HEADER.replace("from a YNL spec", "from " + spec.file()) + "package " + pkg + ";\n\n";
    }

    // ------------------------------------------------------------------------------- enums and flags

    private static String constantId(String specName) {
        String id = JavaNames.constant(specName);
        return RESERVED_CONSTANTS.contains(id) ? id + "_" : id;
    }

    private static String intLiteral(long v) {
        return v == (int) v ? Long.toString(v) : "(int) " + v + "L";
    }

    private String enumClass(YnlEnum e) {
        String c = enumClasses.get(e.name());
        StringBuilder sb = new StringBuilder(header());
        sb.append("import java.util.Objects;\n\n");
        javadoc(sb, "", "", e.doc().isBlank() ? "The " + e.name() + " values of " + spec.name() + "." : e.doc(),
                "<p>Open: a value without a constant here (a newer kernel's) decodes to an instance named "
                        + "by its number; {@link #isKnown()} tells the two apart. Equal by value.");
        sb.append("public final class ").append(c).append(" {\n");
        List<String> names = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        List<YnlEnum.Entry> unique = new ArrayList<>();
        for (YnlEnum.Entry en : e.entries()) {
            String id = constantId(en.name());
            if (names.contains(id)) {
                continue;
            }
            names.add(id);
            javadoc(sb, "    ", "{@code " + en.name() + "} (" + en.value() + ").", en.doc());
            sb.append("    public static final ").append(c).append(' ').append(id).append(" = new ").append(c)
                    .append('(').append(intLiteral(en.value())).append(", ").append(quote(JavaNames.constantName(en.name())))
                    .append(");\n");
            if (seen.add(en.value())) {
                unique.add(en);
            }
        }
        sb.append("\n    private static final ").append(c).append("[] KNOWN = {").append(String.join(", ", names)).append("};\n\n");
        sb.append("    private final int value;\n    private final String name;\n\n");
        sb.append("    private ").append(c).append("(int value, String name) {\n        this.value = value;\n        this.name = name;\n    }\n\n");
        javadoc(sb, "    ", "The value numbered {@code value}: its constant, or an instance named by the number.", "",
                "@param value the kernel's number", "@return the value, never null");
        sb.append("    public static ").append(c).append(" of(int value) {\n        return switch (value) {\n");
        for (YnlEnum.Entry en : unique) {
            sb.append("            case ").append(intLiteral(en.value())).append(" -> ").append(constantId(en.name())).append(";\n");
        }
        sb.append("            default -> new ").append(c).append("(value, Integer.toString(value));\n        };\n    }\n\n");
        javadoc(sb, "    ", "The value named {@code name} as {@link #name()} returns it (case-insensitive, {@code -} or "
                        + "{@code _} between words), or by its number.", "",
                "@param name a name or a number", "@return the value",
                "@throws IllegalArgumentException naming the allowed names, for any other name");
        sb.append("    public static ").append(c).append(" parse(String name) {\n")
                .append("        Objects.requireNonNull(name, \"name\");\n")
                .append("        String n = name.strip().replace('-', '_');\n")
                .append("        for (").append(c).append(" v : KNOWN) {\n")
                .append("            if (v.name.equalsIgnoreCase(n)) {\n                return v;\n            }\n        }\n")
                .append("        try {\n            return of(Integer.decode(n));\n        } catch (NumberFormatException e) {\n")
                .append("            StringBuilder allowed = new StringBuilder();\n")
                .append("            for (").append(c).append(" v : KNOWN) {\n                allowed.append(v.name).append(\", \");\n            }\n")
                .append("            throw new IllegalArgumentException(\"").append(e.name())
                .append(": \" + name + \" (expected: \" + allowed + \"or a number)\", e);\n        }\n    }\n\n");
        javadoc(sb, "    ", "The kernel's number.", "", "@return the number");
        sb.append("    public int value() {\n        return value;\n    }\n\n");
        javadoc(sb, "    ", "The name: the spec's entry name in upper case with {@code _} between words, or the number "
                + "for a value without a constant.", "", "@return the name");
        sb.append("    public String name() {\n        return name;\n    }\n\n");
        javadoc(sb, "    ", "Whether this class has a constant for the value.", "", "@return true for a known value");
        sb.append("    public boolean isKnown() {\n        for (").append(c).append(" v : KNOWN) {\n")
                .append("            if (v.value == value) {\n                return true;\n            }\n        }\n        return false;\n    }\n\n");
        sb.append("    @Override\n    public boolean equals(Object o) {\n        return o instanceof ").append(c)
                .append(" v && v.value == value;\n    }\n\n");
        sb.append("    @Override\n    public int hashCode() {\n        return Integer.hashCode(value);\n    }\n\n");
        sb.append("    @Override\n    public String toString() {\n        return name;\n    }\n}\n");
        return sb.toString();
    }

    private String flagsClass(YnlEnum e) {
        String c = enumClasses.get(e.name());
        StringBuilder sb = new StringBuilder(header());
        sb.append("import java.util.ArrayList;\nimport java.util.List;\nimport java.util.Objects;\n\n");
        javadoc(sb, "", "", e.doc().isBlank() ? "The " + e.name() + " flags of " + spec.name() + "." : e.doc(),
                "<p>A set of flags as one value (the kernel's mask); bits without a constant here (a newer "
                        + "kernel's) are kept. Equal by value.");
        sb.append("public final class ").append(c).append(" {\n");
        List<String> ids = new ArrayList<>();
        long known = 0;
        for (YnlEnum.Entry en : e.entries()) {
            String id = constantId(en.name());
            if (ids.contains(id)) {
                continue;
            }
            ids.add(id);
            known |= en.mask();
            javadoc(sb, "    ", "{@code " + en.name() + "} (bit " + en.value() + ").", en.doc());
            sb.append("    public static final ").append(c).append(' ').append(id).append(" = new ").append(c)
                    .append("(0x").append(Long.toHexString(en.mask())).append("L);\n");
        }
        javadoc(sb, "    ", "No flag.", "");
        sb.append("    public static final ").append(c).append(" NONE = new ").append(c).append("(0L);\n\n");
        sb.append("    private static final long[] MASKS = {");
        List<String> masks = new ArrayList<>();
        List<String> names = new ArrayList<>();
        Set<String> seenIds = new HashSet<>();
        for (YnlEnum.Entry en : e.entries()) {
            if (seenIds.add(constantId(en.name()))) {
                masks.add("0x" + Long.toHexString(en.mask()) + "L");
                names.add(quote(JavaNames.constantName(en.name())));
            }
        }
        sb.append(String.join(", ", masks)).append("};\n");
        sb.append("    private static final String[] NAMES = {").append(String.join(", ", names)).append("};\n");
        sb.append("    private static final long KNOWN = 0x").append(Long.toHexString(known)).append("L;\n");
        // Shared instances for the masks of the known bits' combinations (up to 1024 values),
        // made as they first come: decoding does not allocate for them.
        int highest = 63 - Long.numberOfLeadingZeros(known);
        int cache = highest < 0 ? 1 : 1 << Math.min(highest + 1, 10);
        sb.append("    private static final ").append(c).append("[] CACHE = new ").append(c).append('[').append(cache).append("];\n\n");
        sb.append("    static {\n        CACHE[0] = NONE;\n");
        Set<String> cached = new HashSet<>();
        for (YnlEnum.Entry en : e.entries()) {
            String id = constantId(en.name());
            if (en.mask() > 0 && en.mask() < cache && cached.add(id)) {
                sb.append("        CACHE[").append(en.mask()).append("] = ").append(id).append(";\n");
            }
        }
        sb.append("    }\n\n");
        sb.append("    private final long value;\n\n");
        sb.append("    private ").append(c).append("(long value) {\n        this.value = value;\n    }\n\n");
        javadoc(sb, "    ", "The flags of mask {@code value}, unknown bits kept.", "",
                "@param value the kernel's mask", "@return the flags");
        sb.append("    public static ").append(c).append(" of(long value) {\n")
                .append("        if (value >= 0 && value < CACHE.length) {\n")
                .append("            ").append(c).append(" f = CACHE[(int) value];\n")
                .append("            if (f == null) {\n                // Immutable (a final field): safe to share however it is published.\n")
                .append("                f = new ").append(c).append("(value);\n                CACHE[(int) value] = f;\n            }\n")
                .append("            return f;\n        }\n        return new ").append(c).append("(value);\n    }\n\n");
        javadoc(sb, "    ", "The union of {@code flags}.", "", "@param flags flags", "@return their union");
        sb.append("    public static ").append(c).append(" of(").append(c).append("... flags) {\n        long v = 0;\n")
                .append("        for (").append(c).append(" f : flags) {\n            v |= Objects.requireNonNull(f, \"flags\").value;\n        }\n")
                .append("        return new ").append(c).append("(v);\n    }\n\n");
        javadoc(sb, "    ", "The flags named in {@code text}: names as {@link #names()} returns them, or numbers, "
                        + "separated by {@code |} or {@code ,}; empty or {@code 0} for none.", "",
                "@param text the names", "@return the flags",
                "@throws IllegalArgumentException naming the allowed names, for any other name");
        sb.append("    public static ").append(c).append(" parse(String text) {\n")
                .append("        Objects.requireNonNull(text, \"text\");\n        long v = 0;\n")
                .append("        for (String part : text.split(\"[|,]\")) {\n")
                .append("            String n = part.strip().replace('-', '_');\n")
                .append("            if (n.isEmpty()) {\n                continue;\n            }\n")
                .append("            v |= bit(n, text);\n        }\n        return new ").append(c).append("(v);\n    }\n\n");
        sb.append("    private static long bit(String n, String text) {\n")
                .append("        for (int i = 0; i < NAMES.length; i++) {\n")
                .append("            if (NAMES[i].equalsIgnoreCase(n)) {\n                return MASKS[i];\n            }\n        }\n")
                .append("        try {\n            return Long.decode(n);\n        } catch (NumberFormatException e) {\n")
                .append("            throw new IllegalArgumentException(\"").append(e.name())
                .append(": \" + text + \" (expected: names among \" + String.join(\", \", NAMES) + \", or numbers)\", e);\n")
                .append("        }\n    }\n\n");
        javadoc(sb, "    ", "The kernel's mask.", "", "@return the mask");
        sb.append("    public long value() {\n        return value;\n    }\n\n");
        javadoc(sb, "    ", "Whether every bit of {@code flags} is set here.", "", "@param flags flags", "@return true if all are set");
        sb.append("    public boolean contains(").append(c).append(" flags) {\n")
                .append("        return (value & Objects.requireNonNull(flags, \"flags\").value) == flags.value;\n    }\n\n");
        javadoc(sb, "    ", "These flags and {@code flags}.", "", "@param flags flags to add", "@return the union");
        sb.append("    public ").append(c).append(" with(").append(c).append(" flags) {\n")
                .append("        return new ").append(c).append("(value | Objects.requireNonNull(flags, \"flags\").value);\n    }\n\n");
        javadoc(sb, "    ", "These flags without {@code flags}.", "", "@param flags flags to remove", "@return the difference");
        sb.append("    public ").append(c).append(" without(").append(c).append(" flags) {\n")
                .append("        return new ").append(c).append("(value & ~Objects.requireNonNull(flags, \"flags\").value);\n    }\n\n");
        javadoc(sb, "    ", "Whether every bit set has a constant here.", "", "@return true without unknown bits");
        sb.append("    public boolean isKnown() {\n        return (value & ~KNOWN) == 0;\n    }\n\n");
        javadoc(sb, "    ", "The names of the bits set, in bit order; an unknown bit by its mask in hex ({@code 0x100}).", "",
                "@return the names");
        sb.append("    public List<String> names() {\n        List<String> out = new ArrayList<>();\n")
                .append("        for (int bit = 0; bit < 64; bit++) {\n            long m = 1L << bit;\n")
                .append("            if ((value & m) == 0) {\n                continue;\n            }\n")
                .append("            String name = \"0x\" + Long.toHexString(m);\n")
                .append("            for (int i = 0; i < MASKS.length; i++) {\n")
                .append("                if (MASKS[i] == m) {\n                    name = NAMES[i];\n                    break;\n                }\n            }\n")
                .append("            out.add(name);\n        }\n        return out;\n    }\n\n");
        sb.append("    @Override\n    public boolean equals(Object o) {\n        return o instanceof ").append(c)
                .append(" f && f.value == value;\n    }\n\n");
        sb.append("    @Override\n    public int hashCode() {\n        return Long.hashCode(value);\n    }\n\n");
        sb.append("    @Override\n    public String toString() {\n        return value == 0 ? \"0\" : String.join(\"|\", names());\n    }\n}\n");
        return sb.toString();
    }

    // ------------------------------------------------------------------------------- integers

    /** The Java type of an integer: int for what fits (u8, u16, s8, s16, s32), long for the rest. */
    private static boolean isLong(YnlType t) {
        return t == YnlType.U32 || t == YnlType.U64 || t == YnlType.S64 || t == YnlType.UINT || t == YnlType.SINT;
    }

    private static String bigEndian(YnlByteOrder o) {
        return switch (o) {
            case HOST -> "Wire.HOST_BE";
            case BIG_ENDIAN -> "true";
            case LITTLE_ENDIAN -> "false";
        };
    }

    /** An expression reading the integer attribute {@code r} is on, of its Java type ({@link #isLong}). */
    private static String readInt(YnlType t, YnlByteOrder o, String r) {
        String be = o == YnlByteOrder.BIG_ENDIAN ? "Be" : "";
        boolean le = o == YnlByteOrder.LITTLE_ENDIAN;
        return switch (t) {
            case U8 -> r + ".u8()";
            case S8 -> "Wire.s8(" + r + ".u8())";
            case U16 -> le ? "Wire.u16Le(" + r + ")" : r + ".u16" + be + "()";
            case S16 -> "Wire.s16(" + (le ? "Wire.u16Le(" + r + ")" : r + ".u16" + be + "()") + ")";
            case U32 -> "Integer.toUnsignedLong(" + readBits32(o, r) + ")";
            case S32 -> readBits32(o, r);
            case U64, S64 -> le ? "Wire.u64Le(" + r + ")" : r + ".u64" + be + "()";
            case UINT -> r + ".uint()";
            case SINT -> "Wire.sint(" + r + ")";
            default -> throw new IllegalStateException(t.toString());
        };
    }

    private static String readBits32(YnlByteOrder o, String r) {
        return switch (o) {
            case HOST -> r + ".u32()";
            case BIG_ENDIAN -> r + ".u32Be()";
            case LITTLE_ENDIAN -> "Wire.u32Le(" + r + ")";
        };
    }

    /** A statement writing integer attribute {@code type} with {@code v}, an expression of type long or int. */
    private static String writeInt(YnlType t, YnlByteOrder o, String type, String v, boolean vIsLong) {
        String be = o == YnlByteOrder.BIG_ENDIAN ? "Be" : "";
        boolean le = o == YnlByteOrder.LITTLE_ENDIAN;
        String asInt = vIsLong ? "(int) (" + v + ")" : v;
        return switch (t) {
            case U8, S8 -> "w.u8(" + type + ", " + asInt + ");";
            case U16, S16 -> le ? "Wire.u16Le(w, " + type + ", " + asInt + ");" : "w.u16" + be + "(" + type + ", " + asInt + ");";
            case U32, S32 -> le ? "Wire.u32Le(w, " + type + ", " + asInt + ");" : "w.u32" + be + "(" + type + ", " + asInt + ");";
            case U64, S64 -> le ? "Wire.u64Le(w, " + type + ", " + v + ");" : "w.u64" + be + "(" + type + ", " + v + ");";
            case UINT -> "Wire.uint(w, " + type + ", " + v + ");";
            case SINT -> "Wire.sint(w, " + type + ", " + v + ");";
            default -> throw new IllegalStateException(t.toString());
        };
    }

    /** The check of a value's range for a setter, or null when the Java type's range is the wire's. */
    private static String range(YnlType t) {
        return switch (t) {
            case U8 -> "0-255";
            case S8 -> "-128-127";
            case U16 -> "0-65535";
            case S16 -> "-32768-32767";
            case U32 -> "0-4294967295";
            default -> null;
        };
    }

    private static String rangeCheck(YnlType t, String v, String what) {
        String r = range(t);
        if (r == null) {
            return "";
        }
        String cond = switch (t) {
            case U8 -> v + " < 0 || " + v + " > 255";
            case S8 -> v + " < -128 || " + v + " > 127";
            case U16 -> v + " < 0 || " + v + " > 65535";
            case S16 -> v + " < -32768 || " + v + " > 32767";
            case U32 -> v + " < 0 || " + v + " > 0xFFFFFFFFL";
            default -> throw new IllegalStateException();
        };
        return "if (" + cond + ") {\n    throw new IllegalArgumentException(\"" + what + ": \" + " + v
                + " + \" (expected: " + r + ")\");\n}\n";
    }

    // ------------------------------------------------------------------------------- structs

    private record Member(YnlStruct.Member m, String name, String type, int offset) {
    }

    private Optional<YnlEnum> enumOf(Optional<String> name) {
        return name.map(n -> spec.definitions().get(n)).filter(YnlEnum.class::isInstance).map(YnlEnum.class::cast);
    }

    private String structClass(YnlStruct s) {
        String c = structClasses.get(s.name());
        List<Member> members = new ArrayList<>();
        int offset = 0;
        Set<String> used = new HashSet<>();
        for (YnlStruct.Member m : s.members()) {
            if (m.type() != YnlType.PAD) {
                String name = memberName(m.name(), used);
                String type;
                Optional<YnlEnum> en = enumOf(m.enumName());
                if (m.type().isInteger() && m.size() > 0 && en.isPresent() && (en.get().flags() || m.enumAsFlags())) {
                    type = en.get().flags() ? enumClasses.get(en.get().name()) : isLong(m.type()) ? "long" : "int";
                } else if (m.type().isInteger() && m.size() > 0 && en.isPresent()) {
                    type = enumClasses.get(en.get().name());
                } else if (m.type().isInteger() && m.size() > 0) {
                    type = isLong(m.type()) ? "long" : "int";
                } else if (m.type() == YnlType.STRING) {
                    type = "String";
                } else {
                    type = "byte[]";
                }
                members.add(new Member(m, name, type, offset));
            }
            offset += m.size();
        }
        boolean arrays = members.stream().anyMatch(m -> m.type.equals("byte[]"));
        StringBuilder sb = new StringBuilder(header());
        sb.append("import io.netlink4j.NetlinkDecodeException;\nimport io.netlink4j.codec.MessageWriter;\nimport io.netty.buffer.ByteBuf;\n\n");
        if (arrays) {
            sb.append("import java.util.Arrays;\n");
        }
        sb.append("import java.util.Objects;\n\n");
        List<String> tags = new ArrayList<>();
        for (Member m : members) {
            tags.add("@param " + m.name + " {@code " + m.m.name() + "}" + (m.m.doc().isBlank() ? "" : ": " + docText(m.m.doc())));
        }
        javadoc(sb, "", "The struct {@code " + s.name() + "} of " + spec.name() + " (" + s.size() + " bytes).", s.doc(),
                tags.toArray(String[]::new));
        sb.append("public record ").append(c).append('(');
        for (int i = 0; i < members.size(); i++) {
            sb.append(i > 0 ? ", " : "").append(members.get(i).type).append(' ').append(members.get(i).name);
        }
        sb.append(") {\n");
        sb.append("    /** The struct's size in bytes. */\n    public static final int SIZE = ").append(s.size()).append(";\n\n");
        javadoc(sb, "    ", "Checks the components.", "",
                "@throws IllegalArgumentException a value outside its member's range, naming it");
        sb.append("    public ").append(c).append(" {\n");
        for (Member m : members) {
            switch (m.type) {
                case "int", "long" -> sb.append(indent(rangeCheck(m.m.type(), m.name, m.name), "        "));
                case "byte[]" -> sb.append("        ").append(m.name).append(" = Objects.requireNonNull(").append(m.name)
                        .append(", \"").append(m.name).append("\").clone();\n        if (").append(m.name).append(".length != ")
                        .append(m.m.size()).append(") {\n            throw new IllegalArgumentException(\"").append(m.name)
                        .append(": \" + ").append(m.name).append(".length + \" bytes (expected: ").append(m.m.size())
                        .append(")\");\n        }\n");
                case "String" -> sb.append("        Objects.requireNonNull(").append(m.name).append(", \"").append(m.name)
                        .append("\");\n        if (").append(m.name).append(".getBytes(java.nio.charset.StandardCharsets.UTF_8).length >= ")
                        .append(m.m.size()).append(") {\n            throw new IllegalArgumentException(\"").append(m.name)
                        .append(": \" + ").append(m.name).append(" + \" (expected: at most ").append(Math.max(0, m.m.size() - 1))
                        .append(" bytes)\");\n        }\n");
                default -> sb.append("        Objects.requireNonNull(").append(m.name).append(", \"").append(m.name).append("\");\n");
            }
        }
        sb.append("    }\n\n");
        javadoc(sb, "    ", "Reads the struct at {@code offset}; bytes past its size (a newer kernel's members) are ignored.", "",
                "@param buf    the buffer", "@param offset where the struct starts",
                "@param length the bytes there, at least {@link #SIZE}", "@return the struct",
                "@throws NetlinkDecodeException if {@code length} is less than {@link #SIZE}");
        sb.append("    public static ").append(c).append(" decode(ByteBuf buf, int offset, int length) {\n")
                .append("        if (length < SIZE) {\n            throw new NetlinkDecodeException(\"").append(s.name())
                .append(": \" + length + \" bytes (expected: at least \" + SIZE + \")\");\n        }\n")
                .append("        return new ").append(c).append('(');
        for (int i = 0; i < members.size(); i++) {
            Member m = members.get(i);
            sb.append(i > 0 ? ",\n                " : "").append(structRead(m));
        }
        sb.append(");\n    }\n\n");
        javadoc(sb, "    ", "Writes the struct as raw payload.", "", "@param w a writer with a message or attribute begun");
        sb.append("    public void encodeTo(MessageWriter w) {\n");
        for (YnlStruct.Member sm : s.members()) {
            Member m = members.stream().filter(x -> x.m == sm).findFirst().orElse(null);
            if (m == null) {
                sb.append("        Wire.putBytes(w, new byte[0], ").append(sm.size()).append(");\n");
            } else {
                sb.append("        ").append(structWrite(m)).append('\n');
            }
        }
        sb.append("    }\n");
        if (arrays) {
            for (Member m : members) {
                if (m.type.equals("byte[]")) {
                    sb.append("\n    /** @return a copy of {@code ").append(m.m.name()).append("} */\n    @Override\n    public byte[] ")
                            .append(m.name).append("() {\n        return ").append(m.name).append(".clone();\n    }\n");
                }
            }
            sb.append("\n    @Override\n    public boolean equals(Object o) {\n        return o instanceof ").append(c).append(" s$");
            for (Member m : members) {
                sb.append("\n                && ").append(switch (m.type) {
                    case "int", "long" -> "s$." + m.name + " == this." + m.name;
                    case "byte[]" -> "Arrays.equals(s$." + m.name + ", this." + m.name + ")";
                    default -> "s$." + m.name + ".equals(this." + m.name + ")";
                });
            }
            sb.append(";\n    }\n\n    @Override\n    public int hashCode() {\n        int h$ = 0;\n");
            for (Member m : members) {
                sb.append("        h$ = h$ * 31 + ").append(switch (m.type) {
                    case "int" -> "Integer.hashCode(this." + m.name + ")";
                    case "long" -> "Long.hashCode(this." + m.name + ")";
                    case "byte[]" -> "Arrays.hashCode(this." + m.name + ")";
                    default -> "this." + m.name + ".hashCode()";
                }).append(";\n");
            }
            sb.append("        return h$;\n    }\n\n    @Override\n    public String toString() {\n        return \"").append(c).append("[\"");
            for (int i = 0; i < members.size(); i++) {
                Member m = members.get(i);
                sb.append("\n                + \"").append(i > 0 ? ", " : "").append(m.name).append("=\" + ")
                        .append(m.type.equals("byte[]") ? "Wire.show(this." + m.name + ", \"" + hint(m.m.displayHint()) + "\")" : "this." + m.name);
            }
            sb.append(" + \"]\";\n    }\n");
        }
        sb.append("}\n");
        return sb.toString();
    }

    private static String hint(io.netlink4j.ynl.YnlDisplayHint h) {
        return switch (h) {
            case MAC, FDDI -> "mac";
            case IPV4 -> "ipv4";
            case IPV6 -> "ipv6";
            default -> "hex";
        };
    }

    private static String indent(String code, String indent) {
        if (code.isEmpty()) {
            return code;
        }
        StringBuilder sb = new StringBuilder();
        for (String line : code.split("\n")) {
            sb.append(indent).append(line).append('\n');
        }
        return sb.toString();
    }

    private String structRead(Member m) {
        String at = "offset + " + m.offset;
        YnlType t = m.m.type();
        String be = bigEndian(m.m.byteOrder());
        if (t.isInteger() && t.size() > 0) {
            String nat = switch (t) {
                case U8 -> "buf.getUnsignedByte(" + at + ")";
                case S8 -> "buf.getByte(" + at + ")";
                case U16 -> "Wire.u16(buf, " + at + ", " + be + ")";
                case S16 -> "Wire.s16(Wire.u16(buf, " + at + ", " + be + "))";
                case U32 -> "Wire.u32(buf, " + at + ", " + be + ")";
                case S32 -> "Wire.i32(buf, " + at + ", " + be + ")";
                default -> "Wire.i64(buf, " + at + ", " + be + ")";
            };
            if (m.type.equals("int") || m.type.equals("long")) {
                return nat;
            }
            if (isFlagsClass(m.type)) {
                return m.type + ".of(" + nat + ")";
            }
            return m.type + ".of(" + (isLong(t) ? "(int) " + nat : nat) + ")";
        }
        if (m.type.equals("String")) {
            return "Wire.string(buf, " + at + ", " + m.m.size() + ")";
        }
        return "Wire.bytes(buf, " + at + ", " + m.m.size() + ")";
    }

    private boolean isFlagsClass(String className) {
        for (Map.Entry<String, String> e : enumClasses.entrySet()) {
            if (e.getValue().equals(className)) {
                return ((YnlEnum) spec.definitions().get(e.getKey())).flags();
            }
        }
        return false;
    }

    private String structWrite(Member m) {
        YnlType t = m.m.type();
        if (t.isInteger() && t.size() > 0) {
            String v = switch (m.type) {
                case "int", "long" -> "this." + m.name;
                default -> "this." + m.name + ".value()";
            };
            return "Wire.put(w, " + v + ", " + t.size() + ", " + bigEndian(m.m.byteOrder()) + ");";
        }
        if (m.type.equals("String")) {
            return "Wire.putString(w, this." + m.name + ", " + m.m.size() + ");";
        }
        return "Wire.putBytes(w, this." + m.name + ", " + m.m.size() + ");";
    }

    private static String operationName(String specName) {
        String n = JavaNames.member(specName);
        return RESERVED_OPERATIONS.contains(n) ? n + "_" : n;
    }

    private static String memberName(String specName, Set<String> used) {
        String n = JavaNames.member(specName);
        if (RESERVED_MEMBERS.contains(n)) {
            n = n + "_";
        }
        while (!used.add(n)) {
            n = n + "_";
        }
        return n;
    }

    // ------------------------------------------------------------------------------- attribute sets

    private enum Kind { INT, LONG, BOOL, STRING, BYTES, ENUM, FLAGS, STRUCT, NEST, BITFIELD, ARRAY }

    /** An attribute of a set as the generated class holds it. */
    private final class Field {
        final YnlAttribute a;
        final String name;
        final Kind kind;
        final boolean list;
        final String cls;
        final YnlType intType;
        final YnlByteOrder order;

        Field(YnlAttribute a, String name) {
            this.a = a;
            this.name = name;
            YnlType t = a.type();
            boolean isList = a.multiAttr();
            YnlType it = t;
            YnlByteOrder o = a.byteOrder();
            String c = null;
            Kind k;
            if (t == YnlType.INDEXED_ARRAY) {
                isList = true;
                it = a.subType().orElse(YnlType.BINARY);
                if (it == YnlType.NEST && a.nestedAttributes().isPresent()) {
                    k = Kind.NEST;
                    c = setClasses.get(a.nestedAttributes().get());
                } else if (it.isInteger()) {
                    k = Kind.LONG;
                } else {
                    k = Kind.BYTES;
                    it = YnlType.BINARY;
                }
            } else if (t.isInteger()) {
                Optional<YnlEnum> en = enumOf(a.enumName());
                if (en.isPresent() && en.get().flags()) {
                    k = Kind.FLAGS;
                    c = enumClasses.get(en.get().name());
                } else if (en.isPresent() && !a.enumAsFlags()) {
                    k = Kind.ENUM;
                    c = enumClasses.get(en.get().name());
                } else {
                    k = isLong(t) ? Kind.LONG : Kind.INT;
                }
            } else if (t == YnlType.FLAG) {
                k = Kind.BOOL;
            } else if (t == YnlType.STRING) {
                k = Kind.STRING;
            } else if (t == YnlType.NEST && a.nestedAttributes().isPresent()) {
                k = Kind.NEST;
                c = setClasses.get(a.nestedAttributes().get());
            } else if (t == YnlType.BITFIELD32) {
                k = Kind.BITFIELD;
                c = "Bitfield32";
                bitfield32 = true;
            } else if (t == YnlType.BINARY && a.struct().isPresent() && structClasses.containsKey(a.struct().get())) {
                k = Kind.STRUCT;
                c = structClasses.get(a.struct().get());
            } else if (t == YnlType.BINARY && a.subType().isPresent() && a.subType().get().isInteger()
                    && a.subType().get().size() > 0) {
                k = Kind.ARRAY;
                it = a.subType().get();
            } else {
                // binary, and the forms kept as their bytes: nest-type-value, sub-message, a nest without a set
                k = Kind.BYTES;
            }
            if (k == Kind.BOOL) {
                isList = false;
            }
            this.kind = k;
            this.list = isList;
            this.cls = c;
            this.intType = it;
            this.order = o;
        }

        /** The type of one value (boxed where the field is stored boxed or in a list). */
        String elem(boolean boxed) {
            return switch (kind) {
                case INT -> boxed ? "Integer" : "int";
                case LONG -> boxed ? "Long" : "long";
                case BOOL -> boxed ? "Boolean" : "boolean";
                case STRING -> "String";
                case BYTES -> "byte[]";
                case ARRAY -> "List<Long>";
                default -> cls;
            };
        }

        String fieldType() {
            return list ? "List<" + elem(true) + ">" : kind == Kind.BOOL ? "boolean" : elem(true);
        }

        /** Whether the class keeps the value unboxed, its presence in a bit of a {@code present$} word. */
        boolean unboxed() {
            return !list && (kind == Kind.INT || kind == Kind.LONG);
        }

        /** The type of the class's field (unboxed integers), where {@link #fieldType()} is the builder's. */
        String storedType() {
            return unboxed() ? elem(false) : fieldType();
        }

        /** Bit {@code bit} of the presence words: set on unboxed fields by {@link #setClass}. */
        int bit = -1;

        String presentWord() {
            return "present$" + (bit / 64);
        }

        String presentMask() {
            return "0x" + Long.toHexString(1L << (bit % 64)) + "L";
        }

        /** An expression: whether the field of {@code owner} ({@code this}, {@code o$}) is present. */
        String isPresent(String owner) {
            return unboxed() ? "(" + owner + "." + presentWord() + " & " + presentMask() + ") != 0"
                    : owner + "." + name + " != null";
        }

        String accessorType() {
            if (list) {
                return fieldType();
            }
            return switch (kind) {
                case INT -> "OptionalInt";
                case LONG -> "OptionalLong";
                case BOOL -> "boolean";
                default -> "Optional<" + elem(true) + ">";
            };
        }

        /** An expression decoding one value from the reader {@code r}. */
        String read(String r) {
            return switch (kind) {
                case INT, LONG -> list && a.type() == YnlType.INDEXED_ARRAY
                        ? "Wire.scalar(" + r + ", " + intType.size() + ", " + intType.isSigned() + ", " + bigEndian(order) + ")"
                        : readInt(intType, order, r);
                case BOOL -> "true";
                case STRING -> r + ".string()";
                case BYTES -> r + ".bytes()";
                case ENUM -> cls + ".of(" + (isLong(intType)
                        ? (intType == YnlType.U32 ? readBits32(order, r) : "(int) " + readInt(intType, order, r))
                        : readInt(intType, order, r)) + ")";
                case FLAGS -> cls + ".of(" + readInt(intType, order, r) + ")";
                case STRUCT -> cls + ".decode(" + r + ".buffer(), " + r + ".payloadOffset(), " + r + ".payloadLength())";
                case NEST -> cls + ".decode(" + r + ".nested())";
                case BITFIELD -> "Bitfield32.read(" + r + ")";
                case ARRAY -> "Wire.array(" + r + ", " + intType.size() + ", " + intType.isSigned() + ", " + bigEndian(order) + ")";
            };
        }

        /** Statements writing one value {@code v} as attribute {@code type}. */
        String write(String type, String v) {
            return switch (kind) {
                case INT -> writeInt(intType, order, type, v, false);
                case LONG -> list && a.type() == YnlType.INDEXED_ARRAY
                        ? "Wire.scalar(w, " + type + ", " + v + ", " + intType.size() + ", " + bigEndian(order) + ");"
                        : writeInt(intType, order, type, unboxed() ? v : v + ".longValue()", true);
                case BOOL -> "w.flag(" + type + ");";
                case STRING -> "w.string(" + type + ", " + v + ");";
                case BYTES -> "w.bytes(" + type + ", " + v + ");";
                case ENUM -> writeInt(intType, order, type, v + ".value()", false);
                case FLAGS -> writeInt(intType, order, type, v + ".value()", true);
                case STRUCT -> "w.beginAttribute(" + type + ");\n" + v + ".encodeTo(w);\nw.endAttribute();";
                case NEST -> "w.beginNested(" + type + ");\n" + v + ".encodeTo(w);\nw.endNested();";
                case BITFIELD -> v + ".encodeTo(w, " + type + ");";
                case ARRAY -> "Wire.array(w, " + type + ", " + v + ", " + intType.size() + ", " + bigEndian(order) + ");";
            };
        }

        String show(String v) {
            return kind == Kind.BYTES ? "Wire.show(" + v + ", \"" + hint(a.displayHint()) + "\")"
                    : kind == Kind.LONG && (intType == YnlType.U64 || intType == YnlType.UINT) && !list
                    ? "Long.toUnsignedString(" + v + ")" : v;
        }
    }

    private List<Field> fields(YnlAttributeSet s) {
        List<Field> out = new ArrayList<>();
        Set<String> used = new HashSet<>();
        Set<Integer> numbers = new HashSet<>();
        for (YnlAttribute a : s.attributes()) {
            if (a.type() == YnlType.PAD || a.type() == YnlType.UNUSED || !numbers.add(a.value())) {
                continue;
            }
            out.add(new Field(a, memberName(a.name(), used)));
        }
        return out;
    }

    private String setClass(YnlAttributeSet s) {
        String c = setClasses.get(s.name());
        List<Field> fields = fields(s);
        StringBuilder sb = new StringBuilder(header());
        sb.append("import io.netlink4j.codec.AttributeReader;\nimport io.netlink4j.codec.MessageWriter;\n\n");
        sb.append("import java.util.ArrayList;\nimport java.util.Arrays;\nimport java.util.Collections;\nimport java.util.List;\nimport java.util.Objects;\n");
        sb.append("import java.util.Optional;\nimport java.util.OptionalInt;\nimport java.util.OptionalLong;\n\n");
        javadoc(sb, "", "The attribute set {@code " + s.name() + "} of " + spec.name() + ".", s.doc(),
                "<p>Immutable; every attribute is optional (absent unless set), a multi-attr attribute or an "
                        + "indexed array is a list. Attributes the spec does not describe are kept in "
                        + "{@link #unknown()} and encoded back. Build one with {@link #builder()}.");
        sb.append("public final class ").append(c).append(" {\n");
        int unboxed = 0;
        for (Field f : fields) {
            if (f.unboxed()) {
                f.bit = unboxed++;
            }
        }
        int words = (unboxed + 63) / 64;
        for (Field f : fields) {
            sb.append("    private final ").append(f.storedType()).append(' ').append(f.name).append(";\n");
        }
        sb.append("    private final List<UnknownAttribute> unknown;\n");
        for (int i = 0; i < words; i++) {
            sb.append("    /** Which of the integers are present, a bit each. */\n    private final long present$").append(i).append(";\n");
        }
        sb.append('\n');
        sb.append("    private ").append(c).append("(Builder b) {\n        this(");
        for (Field f : fields) {
            sb.append(f.list ? "List.copyOf(b." + f.name + ")" : f.unboxed() ? "b." + f.name + " == null ? 0 : b." + f.name
                    : "b." + f.name).append(",\n                ");
        }
        sb.append("List.copyOf(b.unknown)");
        for (int i = 0; i < words; i++) {
            sb.append(",\n                0L");
            for (Field f : fields) {
                if (f.unboxed() && f.bit / 64 == i) {
                    sb.append(" | (b.").append(f.name).append(" == null ? 0L : ").append(f.presentMask()).append(')');
                }
            }
        }
        sb.append(");\n    }\n\n");
        // The values as they are, lists already immutable: from the builder (copied) or from decode (wrapped).
        sb.append("    private ").append(c).append('(');
        for (Field f : fields) {
            sb.append(f.storedType()).append(' ').append(f.name).append(", ");
        }
        sb.append("List<UnknownAttribute> unknown");
        for (int i = 0; i < words; i++) {
            sb.append(", long present$").append(i);
        }
        sb.append(") {\n");
        for (Field f : fields) {
            sb.append("        this.").append(f.name).append(" = ").append(f.name).append(";\n");
        }
        sb.append("        this.unknown = unknown;\n");
        for (int i = 0; i < words; i++) {
            sb.append("        this.present$").append(i).append(" = present$").append(i).append(";\n");
        }
        sb.append("    }\n\n");
        // accessors
        for (Field f : fields) {
            javadoc(sb, "    ", "{@code " + f.a.name() + "} (" + f.a.value() + ", " + f.a.type().specName()
                    + (f.a.multiAttr() ? ", multi-attr" : "") + ").", f.a.doc(), "@return " + (f.list ? "its values in order, empty when absent"
                    : f.kind == Kind.BOOL ? "whether it is present" : "its value, if present"));
            sb.append("    public ").append(f.accessorType()).append(' ').append(f.name).append("() {\n        return ");
            if (f.list || f.kind == Kind.BOOL) {
                sb.append(f.name);
            } else {
                sb.append(switch (f.kind) {
                    case INT -> f.isPresent("this") + " ? OptionalInt.of(" + f.name + ") : OptionalInt.empty()";
                    case LONG -> f.isPresent("this") + " ? OptionalLong.of(" + f.name + ") : OptionalLong.empty()";
                    case BYTES -> "Optional.ofNullable(" + f.name + ").map(byte[]::clone)";
                    default -> "Optional.ofNullable(" + f.name + ")";
                });
            }
            sb.append(";\n    }\n\n");
        }
        javadoc(sb, "    ", "The attributes the spec does not describe, in the order they came.", "",
                "@return the unknown attributes, empty when none");
        sb.append("    public List<UnknownAttribute> unknown() {\n        return unknown;\n    }\n\n");
        javadoc(sb, "    ", "A builder with every attribute absent.", "", "@return a new builder");
        sb.append("    public static Builder builder() {\n        return new Builder();\n    }\n\n");
        javadoc(sb, "    ", "A builder holding this value's attributes.", "", "@return a new builder");
        sb.append("    public Builder toBuilder() {\n        Builder b = new Builder();\n");
        for (Field f : fields) {
            sb.append("        b.").append(f.name).append(" = ").append(f.list ? "new ArrayList<>(" + f.name + ")"
                    : f.unboxed() ? f.isPresent("this") + " ? " + f.elem(true) + ".valueOf(" + f.name + ") : null" : f.name).append(";\n");
        }
        sb.append("        b.unknown = new ArrayList<>(unknown);\n        return b;\n    }\n\n");
        // decode
        javadoc(sb, "    ", "Decodes the attributes the reader is positioned before. Attributes the spec does not "
                        + "describe are kept; of a repeated attribute that is not multi-attr, the last counts.", "",
                "@param r a reader before the first attribute", "@return the value",
                "@throws io.netlink4j.NetlinkDecodeException malformed attributes (a length that does not add up, a "
                        + "value of the wrong size)");
        // Into locals, then the constructor: no builder, lists made when their first value comes and
        // wrapped (not copied), the list of unknown attributes made only when one comes.
        sb.append("    public static ").append(c).append(" decode(AttributeReader r) {\n");
        boolean itemReader = false;
        for (Field f : fields) {
            sb.append("        ").append(f.storedType()).append(" a$").append(f.name).append(" = ")
                    .append(f.kind == Kind.BOOL && !f.list ? "false" : f.unboxed() ? "0" : "null").append(";\n");
            itemReader |= f.list && f.a.type() == YnlType.INDEXED_ARRAY && f.kind == Kind.NEST;
        }
        sb.append("        List<UnknownAttribute> unknown$ = null;\n");
        for (int i = 0; i < words; i++) {
            sb.append("        long present$").append(i).append(" = 0;\n");
        }
        if (itemReader) {
            sb.append("        AttributeReader item$ = null;\n");
        }
        sb.append("        while (r.next()) {\n            switch (r.type()) {\n");
        Set<Integer> skipped = new HashSet<>();
        for (YnlAttribute a : s.attributes()) {
            if ((a.type() == YnlType.PAD || a.type() == YnlType.UNUSED)
                    && fields.stream().noneMatch(f -> f.a.value() == a.value()) && skipped.add(a.value())) {
                sb.append("                case ").append(a.value()).append(" -> {\n                }\n");
            }
        }
        for (Field f : fields) {
            String v = "a$" + f.name;
            sb.append("                case ").append(f.a.value()).append(" -> ");
            if (f.list && f.a.type() == YnlType.INDEXED_ARRAY) {
                sb.append("{\n                    AttributeReader items$ = r.nested();\n");
                if (f.kind == Kind.NEST) {
                    // One reader for every item: each is decoded before the next is read.
                    sb.append("                    if (item$ == null) {\n                        item$ = new AttributeReader();\n                    }\n");
                }
                sb.append("                    while (items$.next()) {\n")
                        .append("                        if (").append(v).append(" == null) {\n                            ")
                        .append(v).append(" = new ArrayList<>();\n                        }\n")
                        .append("                        ").append(v).append(".add(")
                        .append(f.kind == Kind.NEST ? f.cls + ".decode(items$.nested(item$))" : f.read("items$")).append(");\n")
                        .append("                    }\n                }\n");
            } else if (f.list) {
                sb.append("{\n                    if (").append(v).append(" == null) {\n                        ").append(v)
                        .append(" = new ArrayList<>();\n                    }\n                    ").append(v).append(".add(")
                        .append(f.read("r")).append(");\n                }\n");
            } else if (f.kind == Kind.BOOL) {
                sb.append(v).append(" = r.flag();\n");
            } else if (f.unboxed()) {
                sb.append("{\n                    ").append(v).append(" = ").append(f.read("r")).append(";\n                    ")
                        .append(f.presentWord()).append(" |= ").append(f.presentMask()).append(";\n                }\n");
            } else {
                sb.append(v).append(" = ").append(f.read("r")).append(";\n");
            }
        }
        sb.append("                default -> {\n                    if (unknown$ == null) {\n")
                .append("                        unknown$ = new ArrayList<>();\n                    }\n")
                .append("                    unknown$.add(UnknownAttribute.read(r));\n                }\n            }\n        }\n")
                .append("        return new ").append(c).append('(');
        for (Field f : fields) {
            String v = "a$" + f.name;
            sb.append(f.list ? v + " == null ? List.of() : Collections.unmodifiableList(" + v + ")" : v).append(",\n                ");
        }
        sb.append("unknown$ == null ? List.of() : Collections.unmodifiableList(unknown$)");
        for (int i = 0; i < words; i++) {
            sb.append(", present$").append(i);
        }
        sb.append(");\n    }\n\n");
        // encode
        javadoc(sb, "    ", "Writes the attributes that are present, in the spec's order, then the unknown ones.", "",
                "@param w a writer with a message (or a nest) begun");
        sb.append("    public void encodeTo(MessageWriter w) {\n");
        for (Field f : fields) {
            String type = Integer.toString(f.a.value());
            String fn = "this." + f.name;
            if (f.list && f.a.type() == YnlType.INDEXED_ARRAY) {
                sb.append("        if (!").append(fn).append(".isEmpty()) {\n            w.beginNested(").append(type).append(");\n")
                        .append("            for (int i$ = 0; i$ < ").append(fn).append(".size(); i$++) {\n")
                        .append(indent(f.write("i$", fn + ".get(i$)"), "                "))
                        .append("            }\n            w.endNested();\n        }\n");
            } else if (f.list) {
                sb.append("        for (").append(f.elem(true)).append(" v$ : ").append(fn).append(") {\n")
                        .append(indent(f.write(type, "v$"), "            ")).append("        }\n");
            } else if (f.kind == Kind.BOOL) {
                sb.append("        if (").append(fn).append(") {\n            w.flag(").append(type).append(");\n        }\n");
            } else {
                sb.append("        if (").append(f.isPresent("this")).append(") {\n")
                        .append(indent(f.write(type, fn), "            ")).append("        }\n");
            }
        }
        sb.append("        for (UnknownAttribute u$ : this.unknown) {\n            u$.encodeTo(w);\n        }\n    }\n\n");
        // equals, hashCode, toString
        sb.append("    @Override\n    public boolean equals(Object o) {\n        if (!(o instanceof ").append(c)
                .append(" o$)) {\n            return false;\n        }\n        return ");
        for (Field f : fields) {
            String fn = "this." + f.name;
            sb.append(f.kind == Kind.BOOL && !f.list || f.unboxed() ? fn + " == o$." + f.name
                    : f.kind == Kind.BYTES && !f.list ? "Arrays.equals(" + fn + ", o$." + f.name + ")"
                    : f.kind == Kind.BYTES ? "Arrays.deepEquals(" + fn + ".toArray(), o$." + f.name + ".toArray())"
                    : "Objects.equals(" + fn + ", o$." + f.name + ")").append("\n                && ");
        }
        for (int i = 0; i < words; i++) {
            sb.append("this.present$").append(i).append(" == o$.present$").append(i).append("\n                && ");
        }
        sb.append("this.unknown.equals(o$.unknown);\n    }\n\n");
        sb.append("    @Override\n    public int hashCode() {\n        int h$ = this.unknown.hashCode();\n");
        for (Field f : fields) {
            String fn = "this." + f.name;
            sb.append("        h$ = h$ * 31 + ").append(f.kind == Kind.BOOL && !f.list ? "Boolean.hashCode(" + fn + ")"
                    : f.kind == Kind.BYTES && !f.list ? "Arrays.hashCode(" + fn + ")"
                    : f.kind == Kind.BYTES ? "Arrays.deepHashCode(" + fn + ".toArray())"
                    : f.unboxed() ? f.elem(true) + ".hashCode(" + fn + ")"
                    : "Objects.hashCode(" + fn + ")").append(";\n");
        }
        for (int i = 0; i < words; i++) {
            sb.append("        h$ = h$ * 31 + Long.hashCode(this.present$").append(i).append(");\n");
        }
        sb.append("        return h$;\n    }\n\n");
        javadoc(sb, "    ", "The attributes present, by their Java names.", "", "@return a description");
        sb.append("    @Override\n    public String toString() {\n        StringBuilder s$ = new StringBuilder(\"")
                .append(c).append("[\");\n");
        for (Field f : fields) {
            String fn = "this." + f.name;
            if (f.kind == Kind.BOOL && !f.list) {
                sb.append("        if (").append(fn).append(") {\n            s$.append(\"").append(f.name)
                        .append(", \");\n        }\n");
            } else if (f.list) {
                sb.append("        if (!").append(fn).append(".isEmpty()) {\n            s$.append(\"").append(f.name).append("=\").append(")
                        .append(f.kind == Kind.BYTES ? fn + ".stream().map(v$ -> Wire.show(v$, \"" + hint(f.a.displayHint()) + "\")).toList()" : fn)
                        .append(").append(\", \");\n        }\n");
            } else {
                sb.append("        if (").append(f.isPresent("this")).append(") {\n            s$.append(\"").append(f.name).append("=\").append(")
                        .append(f.show(fn)).append(").append(\", \");\n        }\n");
            }
        }
        sb.append("        if (!this.unknown.isEmpty()) {\n            s$.append(\"unknown=\").append(this.unknown).append(\", \");\n        }\n")
                .append("        if (s$.charAt(s$.length() - 1) == ' ') {\n            s$.setLength(s$.length() - 2);\n        }\n")
                .append("        return s$.append(']').toString();\n    }\n\n");
        // builder
        javadoc(sb, "    ", "A builder of {@link " + c + "}; setters validate their value, naming the attribute.", "");
        sb.append("    public static final class Builder {\n");
        for (Field f : fields) {
            sb.append("        private ").append(f.fieldType()).append(' ').append(f.name)
                    .append(f.list ? " = new ArrayList<>()" : "").append(";\n");
        }
        sb.append("        private List<UnknownAttribute> unknown = new ArrayList<>();\n\n");
        sb.append("        private Builder() {\n        }\n\n");
        for (Field f : fields) {
            String p = f.list ? f.fieldType() : f.elem(false);
            javadoc(sb, "        ", "Sets {@code " + f.a.name() + "}.", f.a.doc(),
                    "@param " + f.name + " " + (f.list ? "its values" : f.kind == Kind.BOOL ? "whether it is present" : "its value"),
                    "@return this builder");
            sb.append("        public Builder ").append(f.name).append('(').append(p).append(' ').append(f.name).append(") {\n");
            if (f.list) {
                sb.append("            this.").append(f.name).append(" = new ArrayList<>(Objects.requireNonNull(").append(f.name)
                        .append(", \"").append(f.name).append("\"));\n            this.").append(f.name)
                        .append(".forEach(v$ -> Objects.requireNonNull(v$, \"").append(f.name).append("\"));\n");
            } else if (f.kind == Kind.INT || f.kind == Kind.LONG) {
                sb.append(indent(rangeCheck(f.intType, f.name, f.a.name()), "            "));
                sb.append("            this.").append(f.name).append(" = ").append(f.name).append(";\n");
            } else if (f.kind == Kind.BOOL) {
                sb.append("            this.").append(f.name).append(" = ").append(f.name).append(";\n");
            } else if (f.kind == Kind.BYTES) {
                sb.append("            this.").append(f.name).append(" = Objects.requireNonNull(").append(f.name).append(", \"")
                        .append(f.name).append("\").clone();\n");
            } else if (f.kind == Kind.ARRAY) {
                sb.append("            this.").append(f.name).append(" = List.copyOf(").append(f.name).append(");\n");
            } else {
                sb.append("            this.").append(f.name).append(" = Objects.requireNonNull(").append(f.name).append(", \"")
                        .append(f.name).append("\");\n");
            }
            sb.append("            return this;\n        }\n\n");
            if (!f.list && f.kind != Kind.BOOL) {
                javadoc(sb, "        ", "Makes {@code " + f.a.name() + "} absent.", "", "@return this builder");
                sb.append("        public Builder clear").append(Character.toUpperCase(f.name.charAt(0))).append(f.name.substring(1))
                        .append("() {\n            this.").append(f.name).append(" = null;\n            return this;\n        }\n\n");
            }
        }
        javadoc(sb, "        ", "Sets the attributes the spec does not describe, encoded after the others.", "",
                "@param unknown the attributes", "@return this builder");
        sb.append("        public Builder unknown(List<UnknownAttribute> unknown) {\n")
                .append("            this.unknown = new ArrayList<>(Objects.requireNonNull(unknown, \"unknown\"));\n")
                .append("            this.unknown.forEach(v -> Objects.requireNonNull(v, \"unknown\"));\n            return this;\n        }\n\n");
        javadoc(sb, "        ", "The value.", "", "@return a new immutable value");
        sb.append("        public ").append(c).append(" build() {\n            return new ").append(c).append("(this);\n        }\n    }\n}\n");
        return sb.toString();
    }

    // ------------------------------------------------------------------------------- messages

    private String messageClass(String c, String structName, String setName) {
        String h = structClasses.get(structName);
        String a = setClasses.get(setName);
        StringBuilder sb = new StringBuilder(header());
        sb.append("import io.netlink4j.NetlinkDecodeException;\nimport io.netlink4j.codec.AttributeReader;\n")
                .append("import io.netlink4j.codec.MessageWriter;\nimport io.netlink4j.codec.Netlink;\nimport io.netty.buffer.ByteBuf;\n\n")
                .append("import java.util.Objects;\n\n");
        javadoc(sb, "", "A message of " + spec.name() + ": the fixed header {@code " + structName
                        + "} and the attributes of {@code " + setName + "}.", "",
                "@param header     the fixed header", "@param attributes the attributes");
        sb.append("public record ").append(c).append('(').append(h).append(" header, ").append(a).append(" attributes) {\n");
        javadoc(sb, "    ", "Checks the components.", "");
        sb.append("    public ").append(c).append(" {\n        Objects.requireNonNull(header, \"header\");\n")
                .append("        Objects.requireNonNull(attributes, \"attributes\");\n    }\n\n");
        javadoc(sb, "    ", "Decodes a message's payload: the header, then the attributes from the next 4-byte boundary.", "",
                "@param buf    the buffer", "@param offset where the payload starts", "@param length the payload's length",
                "@return the message", "@throws NetlinkDecodeException malformed bytes");
        sb.append("    public static ").append(c).append(" decode(ByteBuf buf, int offset, int length) {\n")
                .append("        ").append(h).append(" header = ").append(h).append(".decode(buf, offset, length);\n")
                .append("        int skip = Math.min(Netlink.align(").append(h).append(".SIZE), length);\n")
                .append("        return new ").append(c).append("(header, ").append(a)
                .append(".decode(AttributeReader.of(buf, offset + skip, offset + length)));\n    }\n\n");
        javadoc(sb, "    ", "Writes the header and the attributes.", "", "@param w a writer with a message begun");
        sb.append("    public void encodeTo(MessageWriter w) {\n        header.encodeTo(w);\n        attributes.encodeTo(w);\n    }\n}\n");
        return sb.toString();
    }

    // ------------------------------------------------------------------------------- notifications

    private String notificationInterface(List<YnlOperation> notifications) {
        String c = family + "Notification";
        StringBuilder sb = new StringBuilder(header());
        javadoc(sb, "", "A notification of " + spec.name() + ", as the kernel sends it to a multicast group; "
                        + "decoded by {@link " + family + "Client#decodeNotification}.", "");
        sb.append("public sealed interface ").append(c).append(" {\n");
        for (YnlOperation op : notifications) {
            String r = JavaNames.type(op.name());
            String valueType = notificationType(op);
            javadoc(sb, "    ", "{@code " + op.name() + "}" + op.mcastGroup().map(g -> ", sent to the group {@code " + g + "}").orElse("")
                    + ".", op.doc(), "@param value what it carries");
            // Qualified: a record may share its name with an attribute set (ethtool's cable-test-ntf).
            sb.append("    record ").append(r).append('(').append(pkg).append('.').append(valueType).append(" value) implements ")
                    .append(c).append(" {\n");
            javadoc(sb, "        ", "Checks the component.", "");
            sb.append("        public ").append(r).append(" {\n            java.util.Objects.requireNonNull(value, \"value\");\n        }\n    }\n\n");
        }
        sb.setLength(sb.length() - 1);
        sb.append("}\n");
        return sb.toString();
    }

    private String notificationType(YnlOperation op) {
        Optional<String> set = op.attributeSet().or(() -> op.notifies().map(n -> spec.operations().get(n))
                .flatMap(YnlOperation::attributeSet));
        Optional<String> fixed = op.fixedHeader().or(() -> op.notifies().map(n -> spec.operations().get(n))
                .flatMap(YnlOperation::fixedHeader));
        if (fixed.isPresent() && set.isPresent() && messageClasses.containsKey(fixed.get() + "/" + set.get())) {
            return messageClasses.get(fixed.get() + "/" + set.get());
        }
        return set.map(setClasses::get).orElse("UnknownAttribute");
    }

    private boolean isMessageClass(String type) {
        return messageClasses.containsValue(type);
    }

    // ------------------------------------------------------------------------------- client

    private String clientClass(List<YnlOperation> notifications) {
        String c = family + "Client";
        boolean genl = spec.protocol().isGeneric();
        StringBuilder sb = new StringBuilder(header());
        sb.append("import io.netlink4j.codec.AttributeReader;\nimport io.netlink4j.codec.MessageReader;\n")
                .append("import io.netlink4j.engine.NetlinkConnection;\nimport io.netlink4j.engine.NetlinkOptions;\n")
                .append("import io.netlink4j.engine.ReplyDecoder;\nimport io.netlink4j.engine.RequestBody;\n");
        if (genl) {
            sb.append("import io.netlink4j.genl.GenericNetlink;\nimport io.netlink4j.genl.Genl;\nimport io.netlink4j.genl.GenlFamily;\n");
        } else {
            sb.append("import io.netlink4j.codec.Netlink;\n");
        }
        sb.append("\nimport java.nio.file.Path;\nimport java.util.List;\nimport java.util.Objects;\n")
                .append("import java.util.Optional;\nimport java.util.function.Consumer;\n\n");
        javadoc(sb, "", "A typed client of the netlink family {@code " + spec.name() + "}, generated from its spec.", spec.doc(),
                "<p>" + (genl ? "A generic netlink family: its id is resolved through {@code nlctrl} once, when the client "
                        + "is opened (one round trip)." : "A classic netlink protocol (number " + spec.protonum().orElse(0)
                        + "): each operation has its own message types.")
                        + " An operation's {@code do} is a method named after it; its {@code dump} returns a list "
                        + "({@code ...Dump}, made again after an interrupted dump or an overrun) or streams in bounded "
                        + "memory ({@code ...DumpEach}). Replies of other message types are left out; attributes the spec "
                        + "does not describe are kept. A refusal by the kernel is an "
                        + "{@link io.netlink4j.NetlinkErrnoException} naming the operation; malformed replies are an "
                        + "{@link io.netlink4j.NetlinkDecodeException}.",
                "<p>Not thread safe beyond what its connection allows: one exchange at a time.");
        sb.append("public final class ").append(c).append(" implements AutoCloseable {\n");
        sb.append("    /** The family's name as the kernel knows it. */\n    public static final String FAMILY_NAME = ")
                .append(quote(spec.name())).append(";\n\n");
        sb.append("    private final NetlinkConnection connection;\n");
        if (genl) {
            sb.append("    private final GenericNetlink genl;\n    private final GenlFamily family;\n\n");
            sb.append("    private ").append(c).append("(NetlinkConnection connection) {\n        this.connection = connection;\n")
                    .append("        this.genl = GenericNetlink.open(connection);\n        this.family = genl.getFamily(FAMILY_NAME);\n    }\n\n");
        } else {
            sb.append("\n    private ").append(c).append("(NetlinkConnection connection) {\n        this.connection = connection;\n    }\n\n");
        }
        String protocol = genl ? "io.netlink4j.socket.NetlinkProtocol.GENERIC" : Integer.toString(spec.protonum().orElse(0));
        String throwsNotFound = genl ? "@throws io.netlink4j.genl.GenlFamilyNotFoundException the kernel lacks the family" : "";
        javadoc(sb, "    ", "Opens the family on a new connection with default options.", "", nonEmpty("@return the client", throwsNotFound));
        sb.append("    public static ").append(c).append(" open() {\n        return open(NetlinkOptions.defaults());\n    }\n\n");
        javadoc(sb, "    ", "Opens the family in the network namespace {@code netns} (a file such as {@code /var/run/netns/NAME}).", "",
                nonEmpty("@param netns the namespace's file", "@return the client", throwsNotFound));
        sb.append("    public static ").append(c).append(" open(Path netns) {\n        Objects.requireNonNull(netns, \"netns\");\n")
                .append("        return open(NetlinkOptions.builder().netns(netns).build());\n    }\n\n");
        javadoc(sb, "    ", "Opens the family on a new connection with {@code options}.", "",
                nonEmpty("@param options the connection's options", "@return the client", throwsNotFound));
        sb.append("    public static ").append(c).append(" open(NetlinkOptions options) {\n        Objects.requireNonNull(options, \"options\");\n")
                .append("        return open(NetlinkConnection.open(").append(protocol).append(", options));\n    }\n\n");
        javadoc(sb, "    ", "Opens the family over {@code connection} (of protocol " + (genl ? "NETLINK_GENERIC" : protocol)
                        + "); the client takes ownership: closing it closes the connection, also when opening fails.", "",
                nonEmpty("@param connection the connection", "@return the client", throwsNotFound));
        sb.append("    public static ").append(c).append(" open(NetlinkConnection connection) {\n")
                .append("        Objects.requireNonNull(connection, \"connection\");\n        try {\n            return new ").append(c)
                .append("(connection);\n        } catch (RuntimeException e) {\n            connection.close();\n            throw e;\n        }\n    }\n\n");
        javadoc(sb, "    ", "The connection the client speaks over.", "", "@return the connection");
        sb.append("    public NetlinkConnection connection() {\n        return connection;\n    }\n\n");
        if (genl) {
            javadoc(sb, "    ", "The family as the kernel described it when the client was opened (id, version, groups).", "",
                    "@return the family");
            sb.append("    public GenlFamily family() {\n        return family;\n    }\n\n");
        }
        for (YnlOperation op : spec.operations().values()) {
            if (op.isNotification()) {
                continue;
            }
            if (op.hasDo()) {
                doMethods(sb, op, genl);
            }
            if (op.hasDump()) {
                dumpMethods(sb, op, genl);
            }
        }
        if (!notifications.isEmpty()) {
            notificationDecoder(sb, notifications, genl);
        }
        javadoc(sb, "    ", "Closes the connection.", "");
        sb.append("    @Override\n    public void close() {\n        connection.close();\n    }\n\n");
        sb.append("    @Override\n    public String toString() {\n        return \"").append(c).append("[\" + ")
                .append(genl ? "family.name() + \", id \" + family.id()" : "FAMILY_NAME").append(" + \"]\";\n    }\n}\n");
        return sb.toString();
    }

    private static String[] nonEmpty(String... tags) {
        return java.util.Arrays.stream(tags).filter(t -> !t.isEmpty()).toArray(String[]::new);
    }

    /** The Java type of an operation's messages (request and reply): a message record, an attribute set, or none. */
    private Optional<String> messageType(YnlOperation op) {
        if (op.fixedHeader().isPresent() && op.attributeSet().isPresent()) {
            return Optional.of(messageClasses.get(op.fixedHeader().get() + "/" + op.attributeSet().get()));
        }
        return op.attributeSet().map(setClasses::get);
    }

    private static OptionalInt requestValue(YnlOperation op, boolean dump) {
        Optional<YnlMessage> m = dump ? op.dumpRequest() : op.doRequest();
        OptionalInt own = m.map(YnlMessage::value).orElse(OptionalInt.empty());
        return own.isPresent() ? own : op.requestValue();
    }

    private static OptionalInt replyValue(YnlOperation op, boolean dump) {
        Optional<YnlMessage> m = dump ? op.dumpReply() : op.doReply();
        OptionalInt own = m.map(YnlMessage::value).orElse(OptionalInt.empty());
        return own.isPresent() ? own : op.replyValue();
    }

    private String decoderExpr(YnlOperation op, boolean dump, boolean genl, String type) {
        int reply = replyValue(op, dump).orElse(-1);
        String check;
        String decode;
        boolean message = op.fixedHeader().isPresent() && op.attributeSet().isPresent();
        if (genl) {
            check = reply >= 0 ? "Genl.command(msg) != " + reply : "false";
            if (message) {
                decode = type + ".decode(msg.buffer(), msg.payloadOffset() + Genl.HEADER_SIZE, msg.payloadLength() - Genl.HEADER_SIZE)";
            } else {
                decode = type + ".decode(Genl.attributes(msg, 0, new AttributeReader()))";
            }
        } else {
            check = reply >= 0 ? "msg.type() != " + reply : "false";
            if (message) {
                decode = type + ".decode(msg.buffer(), msg.payloadOffset(), msg.payloadLength())";
            } else {
                decode = type + ".decode(AttributeReader.of(msg.buffer(), msg.payloadOffset(), msg.payloadEnd()))";
            }
        }
        if (check.equals("false")) {
            return "msg -> " + decode;
        }
        return "msg -> " + check + " ? null : " + decode;
    }

    private void doMethods(StringBuilder sb, YnlOperation op, boolean genl) {
        String m = operationName(op.name());
        Optional<String> type = messageType(op);
        boolean hasRequest = type.isPresent();
        boolean hasReply = op.doReply().isPresent() && type.isPresent();
        int value = requestValue(op, false).orElseThrow(() -> new IllegalArgumentException(
                spec.file() + ": operation " + op.name() + " has no request value"));
        String label = quote(op.name() + " do");
        String ret = hasReply ? type.get() : "void";
        String param = hasRequest ? type.get() + " request" : "";
        List<String> tags = new ArrayList<>();
        if (hasRequest) {
            tags.add("@param request the request" + op.doRequest().map(r -> r.attributes().isEmpty() ? ""
                    : " (the spec lists: " + String.join(", ", r.attributes()) + ")").orElse(""));
        }
        if (hasReply) {
            tags.add("@return the reply");
        }
        tags.add("@throws io.netlink4j.NetlinkErrnoException the kernel refused");
        if (hasReply) {
            tags.add("@throws io.netlink4j.NetlinkDecodeException the kernel acknowledged without a reply, or a malformed reply");
        }
        String summary = "{@code " + op.name() + "} do: " + (hasReply ? "sends the request and returns the reply."
                : "sends the request and waits for the acknowledgement.");
        javadoc(sb, "    ", summary, op.doc(), tags.toArray(String[]::new));
        String body = hasRequest ? "request::encodeTo" : "RequestBody.EMPTY";
        if (hasRequest) {
            sb.append("    public ").append(ret).append(' ').append(m).append('(').append(param).append(") {\n")
                    .append("        ").append(hasReply ? "return " : "").append(m).append("(request, 0);\n    }\n\n");
            List<String> tags2 = new ArrayList<>(tags);
            tags2.add(1, "@param flags   extra message flags, e.g. {@code Netlink.NLM_F_CREATE | Netlink.NLM_F_EXCL}"
                    + (genl ? " (generic netlink: ignored by most families)" : ""));
            javadoc(sb, "    ", summary.replace(" do: ", " do with extra message flags: "), "", tags2.toArray(String[]::new));
            sb.append("    public ").append(ret).append(' ').append(m).append('(').append(param).append(", int flags) {\n")
                    .append("        Objects.requireNonNull(request, \"request\");\n");
        } else {
            sb.append("    public ").append(ret).append(' ').append(m).append("() {\n        int flags = 0;\n");
        }
        String bodyExpr = genl ? "w -> {\n            Genl.writeHeader(w, " + value + ", family.version());\n"
                + (hasRequest ? "            request.encodeTo(w);\n" : "") + "        }" : body;
        if (hasReply) {
            sb.append("        ReplyDecoder<").append(ret).append("> decoder = ").append(decoderExpr(op, false, genl, ret)).append(";\n");
            sb.append("        return connection.request(").append(label).append(", ").append(genl ? "family.id()" : Integer.toString(value))
                    .append(", flags, ").append(bodyExpr).append(", decoder);\n    }\n\n");
        } else {
            sb.append("        connection.execute(").append(label).append(", ").append(genl ? "family.id()" : Integer.toString(value))
                    .append(", flags, ").append(bodyExpr).append(");\n    }\n\n");
        }
    }

    private void dumpMethods(StringBuilder sb, YnlOperation op, boolean genl) {
        String m = operationName(op.name()) + "Dump";
        Optional<String> type = messageType(op);
        if (type.isEmpty()) {
            return;
        }
        String t = type.get();
        int value = requestValue(op, true).orElseThrow(() -> new IllegalArgumentException(
                spec.file() + ": operation " + op.name() + " has no request value"));
        String label = quote(op.name() + " dump");
        boolean filter = op.dumpRequest().isPresent();
        String filterDoc = op.dumpRequest().map(r -> r.attributes().isEmpty() ? "" : " (the spec lists: "
                + String.join(", ", r.attributes()) + ")").orElse("");
        String id = genl ? "family.id()" : Integer.toString(value);
        String body = genl ? "w -> {\n            Genl.writeHeader(w, " + value + ", family.version());\n"
                + (filter ? "            filter.encodeTo(w);\n" : "") + "        }" : filter ? "filter::encodeTo" : "RequestBody.EMPTY";
        String[] throwsTags = {"@throws io.netlink4j.NetlinkErrnoException the kernel refused",
                "@throws io.netlink4j.NetlinkDecodeException a malformed reply"};
        if (filter) {
            javadoc(sb, "    ", "{@code " + op.name() + "} dump without a filter: every reply, in the kernel's order.", op.doc(),
                    "@return the replies", throwsTags[0], throwsTags[1]);
            sb.append("    public List<").append(t).append("> ").append(m).append("() {\n        return ").append(m).append('(')
                    .append(emptyValue(op)).append(");\n    }\n\n");
        }
        List<String> tags = new ArrayList<>();
        if (filter) {
            tags.add("@param filter the dump's request" + filterDoc);
        }
        tags.add("@return the replies, in the kernel's order");
        tags.add(throwsTags[0]);
        tags.add(throwsTags[1]);
        javadoc(sb, "    ", "{@code " + op.name() + "} dump: every reply, in the kernel's order; made again after an "
                + "interrupted dump or an overrun.", op.doc(), tags.toArray(String[]::new));
        sb.append("    public List<").append(t).append("> ").append(m).append('(').append(filter ? t + " filter" : "").append(") {\n");
        if (filter) {
            sb.append("        Objects.requireNonNull(filter, \"filter\");\n");
        }
        sb.append("        ReplyDecoder<").append(t).append("> decoder = ").append(decoderExpr(op, true, genl, t)).append(";\n")
                .append("        return connection.dump(").append(label).append(", ").append(id).append(", 0, ").append(body)
                .append(", decoder);\n    }\n\n");
        List<String> tags2 = new ArrayList<>();
        if (filter) {
            tags2.add("@param filter   the dump's request" + filterDoc);
        }
        tags2.add("@param consumer receives each reply");
        tags2.add(throwsTags[0]);
        tags2.add(throwsTags[1]);
        tags2.add("@throws io.netlink4j.NetlinkDumpInterruptedException the kernel flagged the dump interrupted (never made again)");
        javadoc(sb, "    ", "{@code " + op.name() + "} dump, each reply handed to {@code consumer} as it is read "
                + "(bounded memory).", "", tags2.toArray(String[]::new));
        sb.append("    public void ").append(m).append("Each(").append(filter ? t + " filter, " : "").append("Consumer<? super ").append(t)
                .append("> consumer) {\n");
        if (filter) {
            sb.append("        Objects.requireNonNull(filter, \"filter\");\n");
        }
        sb.append("        Objects.requireNonNull(consumer, \"consumer\");\n")
                .append("        ReplyDecoder<").append(t).append("> decoder = ").append(decoderExpr(op, true, genl, t)).append(";\n")
                .append("        connection.dumpEach(").append(label).append(", ").append(id).append(", 0, ").append(body)
                .append(", msg -> {\n            ").append(t).append(" v = decoder.decode(msg);\n            if (v != null) {\n")
                .append("                consumer.accept(v);\n            }\n        });\n    }\n\n");
    }

    /** An empty request of the operation's type: no attributes, a header of zeros. */
    private String emptyValue(YnlOperation op) {
        if (op.fixedHeader().isPresent() && op.attributeSet().isPresent()) {
            String msg = messageClasses.get(op.fixedHeader().get() + "/" + op.attributeSet().get());
            String h = structClasses.get(op.fixedHeader().get());
            YnlStruct s = spec.struct(op.fixedHeader().get());
            List<String> zeros = new ArrayList<>();
            for (YnlStruct.Member mem : s.members()) {
                if (mem.type() == YnlType.PAD) {
                    continue;
                }
                Optional<YnlEnum> en = enumOf(mem.enumName());
                if (mem.type().isInteger() && mem.size() > 0 && en.isPresent()) {
                    zeros.add(en.get().flags() ? enumClasses.get(en.get().name()) + ".of(0L)"
                            : mem.enumAsFlags() ? "0" : enumClasses.get(en.get().name()) + ".of(0)");
                } else if (mem.type().isInteger() && mem.size() > 0) {
                    zeros.add(isLong(mem.type()) ? "0L" : "0");
                } else if (mem.type() == YnlType.STRING) {
                    zeros.add("\"\"");
                } else {
                    zeros.add("new byte[" + mem.size() + "]");
                }
            }
            return "new " + msg + "(new " + h + "(" + String.join(", ", zeros) + "), "
                    + setClasses.get(op.attributeSet().get()) + ".builder().build())";
        }
        return setClasses.get(op.attributeSet().get()) + ".builder().build()";
    }

    private void notificationDecoder(StringBuilder sb, List<YnlOperation> notifications, boolean genl) {
        String n = family + "Notification";
        javadoc(sb, "    ", "Decodes a notification of this family, as a subscription to one of its multicast groups "
                        + "receives it.", "",
                "@param msg a reader on the message", "@return the notification, or empty for a message of another type",
                "@throws io.netlink4j.NetlinkDecodeException malformed bytes");
        sb.append("    public static Optional<").append(n).append("> decodeNotification(MessageReader msg) {\n")
                .append("        Objects.requireNonNull(msg, \"msg\");\n")
                .append("        return switch (").append(genl ? "Genl.command(msg)" : "msg.type()").append(") {\n");
        Set<Integer> seen = new HashSet<>();
        for (YnlOperation op : notifications) {
            int v = op.replyValue().orElse(op.requestValue().orElse(-1));
            if (v < 0 || !seen.add(v)) {
                continue;
            }
            String type = notificationType(op);
            boolean message = isMessageClass(type);
            String decode;
            if (type.equals("UnknownAttribute")) {
                continue;
            } else if (message) {
                decode = genl ? type + ".decode(msg.buffer(), msg.payloadOffset() + Genl.HEADER_SIZE, msg.payloadLength() - Genl.HEADER_SIZE)"
                        : type + ".decode(msg.buffer(), msg.payloadOffset(), msg.payloadLength())";
            } else {
                decode = genl ? type + ".decode(Genl.attributes(msg, 0, new AttributeReader()))"
                        : type + ".decode(AttributeReader.of(msg.buffer(), msg.payloadOffset(), msg.payloadEnd()))";
            }
            sb.append("            case ").append(v).append(" -> Optional.of(new ").append(n).append('.').append(JavaNames.type(op.name()))
                    .append('(').append(decode).append("));\n");
        }
        sb.append("            default -> Optional.empty();\n        };\n    }\n\n");
    }
}
