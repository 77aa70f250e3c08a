// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.testsupport;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The version of the kernel the tests run on (the JVM's {@code os.version}, which is
 * {@code uname -r}: "6.1.0-57-amd64", "6.12.117+deb12-amd64"), for the few assertions that
 * depend on it: what a newer kernel added (a scheduler, a sysctl) is asserted present from that
 * version on and absent before it. docs/architecture.md lists the differences.
 */
public record KernelVersion(int major, int minor) implements Comparable<KernelVersion> {
    private static final Pattern RELEASE = Pattern.compile("^(\\d+)\\.(\\d+)(?:[.\\-+].*)?$");

    /** The running kernel's version. */
    public static KernelVersion current() {
        return parse(System.getProperty("os.version"));
    }

    /** "6.12.117+deb12-amd64" is 6.12; anything not of the form MAJOR.MINOR... is refused. */
    public static KernelVersion parse(String release) {
        Matcher m = RELEASE.matcher(release == null ? "" : release);
        if (!m.matches()) {
            throw new IllegalArgumentException("kernel release '" + release + "' (expected: MAJOR.MINOR[.PATCH][-+suffix])");
        }
        return new KernelVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    /** Whether this kernel is {@code major.minor} or newer. */
    public boolean atLeast(int major, int minor) {
        return compareTo(new KernelVersion(major, minor)) >= 0;
    }

    @Override
    public int compareTo(KernelVersion o) {
        return major != o.major ? Integer.compare(major, o.major) : Integer.compare(minor, o.minor);
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }
}
