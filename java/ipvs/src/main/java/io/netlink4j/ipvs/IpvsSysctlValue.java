// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ipvs;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The value of one IPVS sysctl setting: the setting and its text as the kernel prints it (a pair
 * separated by a tab), with typed views. {@link #of} checks a value to set against the
 * setting's {@link IpvsSysctl#range() range}; values read from the kernel are taken as they are.
 * Immutable; equal by setting and text.
 */
public final class IpvsSysctlValue {
    private final IpvsSysctl sysctl;
    private final String text;

    private IpvsSysctlValue(IpvsSysctl sysctl, String text) {
        this.sysctl = sysctl;
        this.text = text;
    }

    /**
     * A value to set: {@code text} checked against {@code sysctl}'s type and range.
     *
     * @param sysctl the setting
     * @param text   the value, e.g. {@code "1"}, {@code "3 50"} (sync_threshold), {@code "0-3"} (est_cpulist)
     * @return the value
     * @throws IllegalArgumentException naming the setting, the value and the allowed values
     */
    public static IpvsSysctlValue of(IpvsSysctl sysctl, String text) {
        Objects.requireNonNull(sysctl, "sysctl");
        return new IpvsSysctlValue(sysctl, sysctl.check(text));
    }

    /**
     * A value to set, of a {@link IpvsSysctl.Type#BOOLEAN} setting.
     *
     * @param sysctl the setting
     * @param on     enabled
     * @return the value
     * @throws IllegalArgumentException if the setting is not a boolean
     */
    public static IpvsSysctlValue of(IpvsSysctl sysctl, boolean on) {
        Objects.requireNonNull(sysctl, "sysctl");
        if (sysctl.type() != IpvsSysctl.Type.BOOLEAN) {
            throw new IllegalArgumentException(sysctl + ": " + on + " (expected: " + sysctl.range() + ")");
        }
        return new IpvsSysctlValue(sysctl, on ? "1" : "0");
    }

    /**
     * A value to set, of a numeric setting.
     *
     * @param sysctl the setting
     * @param value  the number
     * @return the value
     * @throws IllegalArgumentException naming the setting, the value and the allowed values
     */
    public static IpvsSysctlValue of(IpvsSysctl sysctl, long value) {
        return of(sysctl, Long.toString(value));
    }

    /** A value as read from the kernel, trimmed, not checked. */
    static IpvsSysctlValue read(IpvsSysctl sysctl, String text) {
        return new IpvsSysctlValue(sysctl, text.strip());
    }

    /**
     * The setting.
     *
     * @return the setting
     */
    public IpvsSysctl sysctl() {
        return sysctl;
    }

    /**
     * The value as the kernel prints it, without the final newline.
     *
     * @return the text
     */
    public String text() {
        return text;
    }

    /**
     * The value as a number.
     *
     * @return the number
     * @throws IllegalStateException if the value is not one number
     */
    public long asLong() {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalStateException(sysctl + " = '" + text + "' is not a number");
        }
    }

    /**
     * The value as an int.
     *
     * @return the number
     * @throws IllegalStateException if the value is not one number in the range of int
     */
    public int asInt() {
        long v = asLong();
        if (v != (int) v) {
            throw new IllegalStateException(sysctl + " = '" + text + "' is not an int");
        }
        return (int) v;
    }

    /**
     * The value as a boolean, as the kernel reads it: any number but 0 is true.
     *
     * @return whether enabled
     * @throws IllegalStateException if the value is not a number
     */
    public boolean asBoolean() {
        return asLong() != 0;
    }

    /**
     * The value's numbers ({@link IpvsSysctl.Type#INTEGER_PAIR}: threshold and period).
     *
     * @return the numbers in order
     * @throws IllegalStateException if a part is not a number
     */
    public List<Long> asLongs() {
        try {
            return text.isEmpty() ? List.of() : Arrays.stream(text.split("\\s+")).map(Long::parseLong).toList();
        } catch (NumberFormatException e) {
            throw new IllegalStateException(sysctl + " = '" + text + "' is not a list of numbers");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IpvsSysctlValue v && v.sysctl.equals(sysctl) && v.text.equals(text);
    }

    @Override
    public int hashCode() {
        return sysctl.hashCode() * 31 + text.hashCode();
    }

    /** {@code net.ipv4.vs.NAME = TEXT}, as sysctl(8) prints it. */
    @Override
    public String toString() {
        return sysctl.fullName() + " = " + text;
    }
}
