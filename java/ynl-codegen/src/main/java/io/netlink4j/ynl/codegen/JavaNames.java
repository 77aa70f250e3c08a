// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ynl.codegen;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How a spec's names become Java names. A spec name is split into words at every character that
 * is not a letter or a digit ({@code rt-route}, {@code page_pool}, {@code rx.mode}):
 * <ul>
 *   <li>types: the words capitalised and joined ({@code page-pool} &rarr; {@code PagePool});</li>
 *   <li>members and methods: the same with the first word in lower case ({@code rta-dst} &rarr;
 *       {@code rtaDst}); a Java keyword or a name the generated class uses itself gets a trailing
 *       underscore ({@code default_});</li>
 *   <li>constants: the words in upper case joined by underscores ({@code 10baset-half} &rarr;
 *       {@code _10BASET_HALF}; a leading digit gets an underscore before it), while the value's
 *       {@code name()} is the same without that underscore.</li>
 * </ul>
 */
public final class JavaNames {
    private static final Set<String> KEYWORDS = Set.of("abstract", "assert", "boolean", "break", "byte", "case",
            "catch", "char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends",
            "final", "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int",
            "interface", "long", "native", "new", "package", "private", "protected", "public", "return", "short",
            "static", "strictfp", "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try",
            "void", "volatile", "while", "true", "false", "null", "var", "yield", "record", "sealed", "permits",
            "non-sealed", "_");

    private JavaNames() {
    }

    /**
     * The words of a spec name.
     *
     * @param specName a name as the spec spells it
     * @return its words, never empty
     * @throws IllegalArgumentException if the name has no letter or digit
     */
    public static List<String> words(String specName) {
        List<String> out = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < specName.length(); i++) {
            char c = specName.charAt(i);
            if (Character.isLetterOrDigit(c) && c < 0x80) {
                word.append(c);
            } else if (word.length() > 0) {
                out.add(word.toString());
                word.setLength(0);
            }
        }
        if (word.length() > 0) {
            out.add(word.toString());
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("name: \"" + specName + "\" (expected: at least one ASCII letter or digit)");
        }
        return out;
    }

    /**
     * A type name: {@code page-pool} &rarr; {@code PagePool}.
     *
     * @param specName a name as the spec spells it
     * @return the name, starting with an upper-case letter (or an underscore before a digit)
     */
    public static String type(String specName) {
        StringBuilder sb = new StringBuilder();
        for (String w : words(specName)) {
            sb.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
        }
        return Character.isDigit(sb.charAt(0)) ? "_" + sb : sb.toString();
    }

    /**
     * A member or method name: {@code rta-dst} &rarr; {@code rtaDst}; keywords get a trailing
     * underscore.
     *
     * @param specName a name as the spec spells it
     * @return the name
     */
    public static String member(String specName) {
        StringBuilder sb = new StringBuilder();
        List<String> words = words(specName);
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (i == 0) {
                sb.append(w.toLowerCase(Locale.ROOT));
            } else {
                sb.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
            }
        }
        String name = Character.isDigit(sb.charAt(0)) ? "_" + sb : sb.toString();
        return KEYWORDS.contains(name) ? name + "_" : name;
    }

    /**
     * The name of a constant's value as its {@code name()} returns it: {@code 10baset-half} &rarr;
     * {@code 10BASET_HALF}.
     *
     * @param specName a name as the spec spells it
     * @return the name in upper case, words joined by underscores
     */
    public static String constantName(String specName) {
        return String.join("_", words(specName)).toUpperCase(Locale.ROOT);
    }

    /**
     * The identifier of a constant: {@link #constantName}, with an underscore before a leading digit.
     *
     * @param specName a name as the spec spells it
     * @return a Java identifier
     */
    public static String constant(String specName) {
        String name = constantName(specName);
        return Character.isDigit(name.charAt(0)) ? "_" + name : name;
    }

    /**
     * A package name's segment for a family: {@code rt-route} &rarr; {@code rtroute}.
     *
     * @param specName a family name as the spec spells it
     * @return the segment, lower case
     */
    public static String packageSegment(String specName) {
        String name = String.join("", words(specName)).toLowerCase(Locale.ROOT);
        return Character.isDigit(name.charAt(0)) || KEYWORDS.contains(name) ? "_" + name : name;
    }
}
