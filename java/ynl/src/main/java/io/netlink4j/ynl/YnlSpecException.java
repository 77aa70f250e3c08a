// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ynl;

import io.netlink4j.NetlinkException;

import java.util.Objects;

/**
 * A spec that cannot be used: not YAML, not valid against the schema of its protocol level, or
 * naming something it does not define. The message starts with {@code FILE:LINE: FIELD: } so that
 * editors and terminals lead to the place; {@link #file()}, {@link #line()} and {@link #field()}
 * give the same parts.
 */
public class YnlSpecException extends NetlinkException {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final String field;

    /**
     * An error at {@code line} of {@code file}, in {@code field}.
     *
     * @param file    the spec's file name (or the name given for a spec read from a string)
     * @param line    the line, counted from 1; 0 when unknown
     * @param field   the field's path in the spec, such as {@code attribute-sets[1].attributes[3].type}
     *                (empty for the document)
     * @param problem what is wrong, with the allowed values where there is a list of them
     */
    public YnlSpecException(String file, int line, String field, String problem) {
        super(file + ":" + line + ": " + (field.isEmpty() ? "" : field + ": ") + problem);
        this.file = Objects.requireNonNull(file, "file");
        this.line = line;
        this.field = Objects.requireNonNull(field, "field");
    }

    /** @return the spec's file name */
    public String file() {
        return file;
    }

    /** @return the line of the field in the file, counted from 1; 0 when unknown */
    public int line() {
        return line;
    }

    /** @return the field's path in the spec, such as {@code attribute-sets[1].attributes[3].type} */
    public String field() {
        return field;
    }
}
