// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ipvs;

import io.netlink4j.ipvs.internal.Ipvs;

import java.util.Objects;

/**
 * An IPVS persistence engine (IPVS_SVC_ATTR_PE_NAME, ipvsadm {@code --pe}): what a persistent
 * service keys its clients by beyond their address, such as a SIP Call-ID. Each lives in the
 * kernel module {@code ip_vs_pe_<name>}, {@link #module()}. A service has at most one
 * ({@link Service#persistenceEngine()}).
 *
 * <p>Open, and named rather than numbered, as {@link Scheduler} is: the kernel identifies an
 * engine by its name. Equality is by name; {@link #toString()} is {@link #name()}.
 */
public final class PersistenceEngine {
    /** {@code sip}: persistence by SIP Call-ID. */
    public static final PersistenceEngine SIP = new PersistenceEngine("sip", true);

    private final String name;
    private final boolean known;

    private PersistenceEngine(String name, boolean known) {
        this.name = name;
        this.known = known;
    }

    /**
     * The persistence engine called {@code name}: the constant of that name, or an instance of it.
     * Names are case-sensitive, as in the kernel.
     *
     * @throws IllegalArgumentException if the name is not 1-15 bytes of UTF-8 without NUL, what the
     *                                  kernel takes
     */
    public static PersistenceEngine of(String name) {
        Objects.requireNonNull(name, "name");
        if (SIP.name.equals(name)) {
            return SIP;
        }
        return new PersistenceEngine(Checks.name("persistenceEngine", name, 1, Ipvs.MAX_NAME_LENGTH), false);
    }

    /** The kernel's name for the engine ({@code sip}). */
    public String name() {
        return name;
    }

    /** Whether this class has a constant for the engine. */
    public boolean isKnown() {
        return known;
    }

    /** The kernel module that provides the engine: {@code ip_vs_pe_} and its name ({@code ip_vs_pe_sip}). */
    public String module() {
        return "ip_vs_pe_" + name;
    }

    /** Equal to an engine of the same name. */
    @Override
    public boolean equals(Object o) {
        return o instanceof PersistenceEngine e && e.name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    /** {@link #name()}. */
    @Override
    public String toString() {
        return name;
    }
}
