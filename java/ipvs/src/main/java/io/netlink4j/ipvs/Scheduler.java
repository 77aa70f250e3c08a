// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ipvs;

import io.netlink4j.ipvs.internal.Ipvs;

import java.util.Objects;

/**
 * An IPVS scheduler: how a service picks a destination for a new connection
 * (IPVS_SVC_ATTR_SCHED_NAME). Each lives in the kernel module {@code ip_vs_<name>}, {@link #module()}.
 *
 * <p>Open, and named rather than numbered: the kernel identifies a scheduler by its name, and any
 * module may register one. A scheduler without a constant here is as valid as one with
 * ({@link #isKnown()} tells the two apart); a service the kernel reports without a scheduler bound
 * carries the kernel's {@code none}. Equality is by name; {@link #toString()} is {@link #name()}.
 */
public final class Scheduler {
    /** {@code rr}: round robin. */
    public static final Scheduler RR = new Scheduler("rr", true);
    /** {@code wrr}: weighted round robin. */
    public static final Scheduler WRR = new Scheduler("wrr", true);
    /** {@code lc}: least connection. */
    public static final Scheduler LC = new Scheduler("lc", true);
    /** {@code wlc}: weighted least connection, ipvsadm's default ({@link Service#DEFAULT_SCHEDULER}). */
    public static final Scheduler WLC = new Scheduler("wlc", true);
    /** {@code lblc}: locality-based least connection. */
    public static final Scheduler LBLC = new Scheduler("lblc", true);
    /** {@code lblcr}: locality-based least connection with replication. */
    public static final Scheduler LBLCR = new Scheduler("lblcr", true);
    /** {@code dh}: destination hashing. */
    public static final Scheduler DH = new Scheduler("dh", true);
    /** {@code sh}: source hashing. */
    public static final Scheduler SH = new Scheduler("sh", true);
    /** {@code sed}: shortest expected delay. */
    public static final Scheduler SED = new Scheduler("sed", true);
    /** {@code nq}: never queue. */
    public static final Scheduler NQ = new Scheduler("nq", true);
    /** {@code fo}: weighted failover. */
    public static final Scheduler FO = new Scheduler("fo", true);
    /** {@code ovf}: weighted overflow. */
    public static final Scheduler OVF = new Scheduler("ovf", true);
    /** {@code mh}: Maglev hashing. */
    public static final Scheduler MH = new Scheduler("mh", true);
    /** {@code twos}: weighted random twos choice, the newest of the kernel's schedulers. */
    public static final Scheduler TWOS = new Scheduler("twos", true);

    /** Most used first: wlc is the default, rr the most common choice. */
    private static final Scheduler[] KNOWN = {WLC, RR, WRR, LC, LBLC, LBLCR, DH, SH, SED, NQ, FO, OVF, MH, TWOS};

    private final String name;
    private final boolean known;

    private Scheduler(String name, boolean known) {
        this.name = name;
        this.known = known;
    }

    /**
     * The scheduler called {@code name}: the constant of that name, or an instance of it. Names are
     * case-sensitive, as in the kernel ({@code rr}, not {@code RR}).
     *
     * @throws IllegalArgumentException if the name is not 1-15 bytes of UTF-8 without NUL, what the
     *                                  kernel takes
     */
    public static Scheduler of(String name) {
        Objects.requireNonNull(name, "name");
        for (Scheduler s : KNOWN) {
            if (s.name.equals(name)) {
                return s;
            }
        }
        return new Scheduler(Checks.name("scheduler", name, 1, Ipvs.MAX_NAME_LENGTH), false);
    }

    /** The kernel's name for the scheduler ({@code wlc}), lower case for the known ones. */
    public String name() {
        return name;
    }

    /** Whether this class has a constant for the scheduler. */
    public boolean isKnown() {
        return known;
    }

    /** The kernel module that provides the scheduler: {@code ip_vs_} and its name ({@code ip_vs_wlc}). */
    public String module() {
        return "ip_vs_" + name;
    }

    /** Equal to a scheduler of the same name. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Scheduler s && s.name.equals(name);
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
