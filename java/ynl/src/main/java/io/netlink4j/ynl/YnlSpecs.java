// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ynl;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The specs on the class path: those of the {@code io.netlink4j:netlink4j-ynl-specs} artifact (the
 * kernel's {@code Documentation/netlink/specs} of the release it names, and the specs netlink4j
 * writes itself), found by family name and validated against the schemas that come with them
 * ({@link YnlSchemas#bundled()}).
 *
 * <pre>{@code
 * try (YnlFamily netdev = YnlFamily.open(YnlSpecs.load("netdev"))) {
 *     System.out.println(netdev.dump("dev-get", Map.of()));
 * }
 * }</pre>
 *
 * <p>A family is named by its spec's file name without {@code .yaml} ({@code netdev},
 * {@code rt_link}), as the kernel's {@code cli.py --family} names it; the spec's own name
 * ({@code rt-link}) is accepted too. Every jar on the class path that holds an index
 * ({@code netlink4j/ynl/specs.list}) contributes its specs.
 */
public final class YnlSpecs {
    /** Where the specs are, on the class path. */
    static final String SPECS = "netlink4j/ynl/specs/";
    /** Where the schemas are, on the class path. */
    static final String SCHEMAS = "netlink4j/ynl/schemas/";
    /** The index of the specs: their file names, one a line. */
    static final String INDEX = "netlink4j/ynl/specs.list";

    private YnlSpecs() {
    }

    /**
     * The families whose specs are on the class path.
     *
     * @return their names, sorted; empty when {@code netlink4j-ynl-specs} is not on the class path
     * @throws UncheckedIOException an index cannot be read
     */
    public static List<String> names() {
        TreeSet<String> names = new TreeSet<>();
        try {
            for (URL index : Collections.list(loader().getResources(INDEX))) {
                try (InputStream in = index.openStream();
                     BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                    for (String line = r.readLine(); line != null; line = r.readLine()) {
                        line = line.strip();
                        if (line.endsWith(".yaml")) {
                            names.add(line.substring(0, line.length() - ".yaml".length()));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the index of the specs (" + INDEX + "): " + e.getMessage(), e);
        }
        return List.copyOf(names);
    }

    /**
     * Whether the spec of {@code family} is on the class path.
     *
     * @param family a family name, as {@link #names()} gives them (or the spec's own name)
     * @return true if {@link #load} finds it
     */
    public static boolean isPresent(String family) {
        Objects.requireNonNull(family, "family");
        return fileName(family) != null;
    }

    /**
     * Loads and validates the spec of {@code family} from the class path, against the schemas
     * on the class path. Each call reads the spec again; the schemas are compiled once.
     *
     * @param family a family name, as {@link #names()} gives them ({@code netdev}, {@code rt_link};
     *               the spec's own name {@code rt-link} too)
     * @return the spec
     * @throws IllegalArgumentException no such spec on the class path (the message lists those there are)
     * @throws YnlSpecException         the spec is not valid
     */
    public static YnlSpec load(String family) {
        Objects.requireNonNull(family, "family");
        String file = fileName(family);
        if (file == null) {
            List<String> names = names();
            throw new IllegalArgumentException("no spec of family '" + family + "' on the class path (expected: "
                    + (names.isEmpty() ? "none; add io.netlink4j:netlink4j-ynl-specs" : "one of " + String.join(", ", names)) + ")");
        }
        return YnlSpec.parse(SPECS + file, resource(SPECS + file), YnlSchemas.bundled());
    }

    /** The file name of {@code family}'s spec, or null. */
    private static String fileName(String family) {
        for (String candidate : List.of(family, family.replace('-', '_'), family.toLowerCase(Locale.ROOT).replace('-', '_'))) {
            if (!candidate.isEmpty() && candidate.indexOf('/') < 0 && loader().getResource(SPECS + candidate + ".yaml") != null) {
                return candidate + ".yaml";
            }
        }
        return null;
    }

    private static ClassLoader loader() {
        ClassLoader l = YnlSpecs.class.getClassLoader();
        return l != null ? l : ClassLoader.getSystemClassLoader();
    }

    /** The text of a resource on the class path. */
    static String resource(String name) {
        try (InputStream in = loader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("no " + name + " on the class path (add io.netlink4j:netlink4j-ynl-specs)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name + " from the class path: " + e.getMessage(), e);
        }
    }
}
