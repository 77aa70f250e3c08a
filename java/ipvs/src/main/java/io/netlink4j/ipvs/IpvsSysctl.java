// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ipvs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One of IPVS's sysctl settings, {@code net.ipv4.vs.NAME} ({@code /proc/sys/net/ipv4/vs/NAME}),
 * with its type and the values the kernel's documentation (ipvs-sysctl) allows. Each network
 * namespace has its own values: {@link IpvsHandle#getSysctls()} reads and
 * {@link IpvsHandle#setSysctl(IpvsSysctlValue)} sets those of the handle's namespace.
 *
 * <p>An open set: the constants are the settings of Linux 6.1 to 6.12; a setting a newer kernel
 * adds is read as {@link #of(String) of(name)}, of type {@link Type#TEXT}, not {@link #isKnown()
 * known}. Some settings exist only in some kernels ({@link #since()}) or with a module loaded
 * ({@link #module()}). Equal by name; {@link #toString()} is the full name.
 */
public final class IpvsSysctl implements Comparable<IpvsSysctl> {
    /** The value's form, as the kernel documents it. */
    public enum Type {
        /** 0 disabled, 1 enabled (the kernel reads any non-zero value as enabled). */
        BOOLEAN,
        /** A 32-bit integer in {@link #min()}-{@link #max()}. */
        INTEGER,
        /** An unsigned long, 0-{@link Long#MAX_VALUE} here. */
        UNSIGNED_LONG,
        /** A number of seconds, 0-{@link #max()} (the kernel keeps it in jiffies). */
        SECONDS,
        /** Two integers separated by white space ({@code sync_threshold}: threshold and period). */
        INTEGER_PAIR,
        /** A list of CPUs in the kernel's cpulist syntax ({@code 0-3,5}, {@code all}), or empty. */
        CPULIST,
        /** A setting this library does not know: any text. */
        TEXT
    }

    private static final Map<String, IpvsSysctl> KNOWN = new LinkedHashMap<>();
    private static final int INT_MIN = Integer.MIN_VALUE;
    private static final int INT_MAX = Integer.MAX_VALUE;
    /** The largest number of seconds every kernel (HZ up to 1000) holds in an int of jiffies. */
    private static final int SECONDS_MAX = INT_MAX / 1000;
    private static final Pattern CPULIST = Pattern.compile("all|(\\d+(-\\d+(:\\d+/\\d+)?)?)(,\\d+(-\\d+(:\\d+/\\d+)?)?)*|");

    /** am_droprate: the drop rate of the always mode (3) of drop_packet; default 10. */
    public static final IpvsSysctl AM_DROPRATE = integer("am_droprate", INT_MIN, INT_MAX, null, null);
    /** amemthresh: the available memory threshold (pages) of the automatic defense modes; default 1024. */
    public static final IpvsSysctl AMEMTHRESH = integer("amemthresh", INT_MIN, INT_MAX, null, null);
    /** backup_only: disable the director function while in backup sync mode. */
    public static final IpvsSysctl BACKUP_ONLY = bool("backup_only");
    /** cache_bypass: forward to the original destination when no cache server is available. */
    public static final IpvsSysctl CACHE_BYPASS = bool("cache_bypass");
    /** conn_reuse_mode: rescheduling on port reuse, a bitmap of 1 and 2; default 1. */
    public static final IpvsSysctl CONN_REUSE_MODE = integer("conn_reuse_mode", 0, 3, null, null);
    /** conntrack: keep netfilter connection tracking entries for IPVS connections. */
    public static final IpvsSysctl CONNTRACK = bool("conntrack");
    /** debug_level: 0-12 or more; only in kernels built with CONFIG_IP_VS_DEBUG. */
    public static final IpvsSysctl DEBUG_LEVEL = integer("debug_level", 0, INT_MAX, null, null);
    /** drop_entry: the drop_entry defense, 0 off, 1 and 2 automatic, 3 always. */
    public static final IpvsSysctl DROP_ENTRY = integer("drop_entry", 0, 3, null, null);
    /** drop_packet: the drop_packet defense, 0 off, 1 and 2 automatic, 3 always. */
    public static final IpvsSysctl DROP_PACKET = integer("drop_packet", 0, 3, null, null);
    /** est_cpulist: the CPUs of the estimation kthreads (Linux 6.2 and later). */
    public static final IpvsSysctl EST_CPULIST = add(new IpvsSysctl("est_cpulist", Type.CPULIST, 0, 0, "6.2", null));
    /** est_nice: the niceness of the estimation kthreads, -20-19 (Linux 6.2 and later); default 0. */
    public static final IpvsSysctl EST_NICE = integer("est_nice", -20, 19, "6.2", null);
    /** expire_nodest_conn: expire a connection at once when its destination is gone. */
    public static final IpvsSysctl EXPIRE_NODEST_CONN = bool("expire_nodest_conn");
    /** expire_quiescent_template: expire persistence templates of quiescent (weight 0) destinations. */
    public static final IpvsSysctl EXPIRE_QUIESCENT_TEMPLATE = bool("expire_quiescent_template");
    /** ignore_tunneled: mark packets of unrecognized protocols so they are not rescheduled. */
    public static final IpvsSysctl IGNORE_TUNNELED = bool("ignore_tunneled");
    /** lblc_expiration: seconds before an unused lblc entry expires (with the ip_vs_lblc module); default 86400. */
    public static final IpvsSysctl LBLC_EXPIRATION = add(new IpvsSysctl("lblc_expiration", Type.SECONDS, 0, SECONDS_MAX, null, "ip_vs_lblc"));
    /** lblcr_expiration: seconds before an unused lblcr entry expires (with the ip_vs_lblcr module); default 86400. */
    public static final IpvsSysctl LBLCR_EXPIRATION = add(new IpvsSysctl("lblcr_expiration", Type.SECONDS, 0, SECONDS_MAX, null, "ip_vs_lblcr"));
    /** nat_icmp_send: send ICMP errors for NAT packets from real servers without a connection. */
    public static final IpvsSysctl NAT_ICMP_SEND = bool("nat_icmp_send");
    /** pmtu_disc: reject DF packets over the path MTU with FRAG_NEEDED (default on). */
    public static final IpvsSysctl PMTU_DISC = bool("pmtu_disc");
    /** run_estimation: run the rate estimators (default on). */
    public static final IpvsSysctl RUN_ESTIMATION = bool("run_estimation");
    /** schedule_icmp: schedule ICMP packets that arrive without a connection. */
    public static final IpvsSysctl SCHEDULE_ICMP = bool("schedule_icmp");
    /** secure_tcp: the secure TCP state table defense, 0 off, 1 and 2 automatic, 3 always. */
    public static final IpvsSysctl SECURE_TCP = integer("secure_tcp", 0, 3, null, null);
    /** sloppy_sctp: create connections from any SCTP packet, not only INIT. */
    public static final IpvsSysctl SLOPPY_SCTP = bool("sloppy_sctp");
    /** sloppy_tcp: create connections from any TCP packet, not only SYN. */
    public static final IpvsSysctl SLOPPY_TCP = bool("sloppy_tcp");
    /** snat_reroute: route SNATed packets of real servers as the director's own (default on). */
    public static final IpvsSysctl SNAT_REROUTE = bool("snat_reroute");
    /** sync_persist_mode: 0 sync every connection, 1 only templates of persistent services. */
    public static final IpvsSysctl SYNC_PERSIST_MODE = integer("sync_persist_mode", 0, 1, null, null);
    /** sync_ports: sync threads (UDP ports from 8848), a power of two; default 1. */
    public static final IpvsSysctl SYNC_PORTS = integer("sync_ports", 1, 1 << 30, null, null);
    /** sync_qlen_max: the most queued sync messages; default 1/32 of the memory pages. */
    public static final IpvsSysctl SYNC_QLEN_MAX = add(new IpvsSysctl("sync_qlen_max", Type.UNSIGNED_LONG, 0, Long.MAX_VALUE, null, null));
    /** sync_refresh_period: seconds of timer change that trigger a new sync message; default 0. */
    public static final IpvsSysctl SYNC_REFRESH_PERIOD = add(new IpvsSysctl("sync_refresh_period", Type.SECONDS, 0, SECONDS_MAX, null, null));
    /** sync_retries: sync retries, 0-3; default 0. */
    public static final IpvsSysctl SYNC_RETRIES = integer("sync_retries", 0, 3, null, null);
    /** sync_sock_size: SNDBUF (master) or RCVBUF (backup) of the sync sockets, 0 the system's; default 0. */
    public static final IpvsSysctl SYNC_SOCK_SIZE = integer("sync_sock_size", INT_MIN, INT_MAX, null, null);
    /** sync_threshold: "threshold period", packets after which a connection is synced; default 3 50. */
    public static final IpvsSysctl SYNC_THRESHOLD = add(new IpvsSysctl("sync_threshold", Type.INTEGER_PAIR, 0, INT_MAX, null, null));
    /** sync_version: the sync protocol version sent, 0 or 1; default 1. */
    public static final IpvsSysctl SYNC_VERSION = integer("sync_version", 0, 1, null, null);

    private static final List<IpvsSysctl> ALL = List.copyOf(sorted(List.copyOf(KNOWN.values())));

    private final String name;
    private final Type type;
    private final long min;
    private final long max;
    private final String since;
    private final String module;

    private IpvsSysctl(String name, Type type, long min, long max, String since, String module) {
        this.name = name;
        this.type = type;
        this.min = min;
        this.max = max;
        this.since = since;
        this.module = module;
    }

    private static IpvsSysctl add(IpvsSysctl s) {
        KNOWN.put(s.name, s);
        return s;
    }

    private static IpvsSysctl bool(String name) {
        return add(new IpvsSysctl(name, Type.BOOLEAN, 0, 1, null, null));
    }

    private static IpvsSysctl integer(String name, int min, int max, String since, String module) {
        return add(new IpvsSysctl(name, Type.INTEGER, min, max, since, module));
    }

    /**
     * Every setting this library knows, in name order (the order of {@link IpvsSysctls}).
     *
     * @return the settings
     */
    public static List<IpvsSysctl> values() {
        return ALL;
    }

    /**
     * The setting named {@code name} ({@code conntrack} or {@code net.ipv4.vs.conntrack}): the
     * constant, or a new {@link Type#TEXT} setting for a name this library does not know.
     *
     * @param name the name
     * @return the setting
     * @throws IllegalArgumentException if the name is empty or not a sysctl file name
     */
    public static IpvsSysctl of(String name) {
        String n = shortName(name);
        IpvsSysctl known = KNOWN.get(n);
        if (known != null) {
            return known;
        }
        if (n.isEmpty() || !n.matches("[A-Za-z0-9_]+")) {
            throw new IllegalArgumentException("sysctl name: '" + name + "' (expected: letters, digits and '_')");
        }
        return new IpvsSysctl(n, Type.TEXT, 0, 0, null, null);
    }

    /**
     * The known setting named {@code name} ({@code conntrack} or {@code net.ipv4.vs.conntrack}).
     *
     * @param name the name
     * @return the constant
     * @throws IllegalArgumentException if no known setting has that name (the message lists them)
     */
    public static IpvsSysctl parse(String name) {
        IpvsSysctl known = KNOWN.get(shortName(name));
        if (known == null) {
            throw new IllegalArgumentException("unknown IPVS sysctl '" + name + "' (expected one of: "
                    + String.join(", ", KNOWN.keySet()) + ")");
        }
        return known;
    }

    private static String shortName(String name) {
        Objects.requireNonNull(name, "name");
        String n = name.trim().replace('/', '.');
        return n.startsWith(PREFIX) ? n.substring(PREFIX.length()) : n;
    }

    /** The prefix of the full names: {@code "net.ipv4.vs."}. */
    public static final String PREFIX = "net.ipv4.vs.";

    /**
     * The name under {@code net.ipv4.vs}, e.g. {@code conntrack}.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * The full name, e.g. {@code net.ipv4.vs.conntrack}.
     *
     * @return the full name
     */
    public String fullName() {
        return PREFIX + name;
    }

    /**
     * The value's form.
     *
     * @return the type
     */
    public Type type() {
        return type;
    }

    /**
     * The smallest value allowed ({@link Type#BOOLEAN}, {@link Type#INTEGER}, {@link Type#SECONDS},
     * {@link Type#UNSIGNED_LONG}; each number of an {@link Type#INTEGER_PAIR}); 0 otherwise.
     *
     * @return the minimum
     */
    public long min() {
        return min;
    }

    /**
     * The largest value allowed (as {@link #min()}).
     *
     * @return the maximum
     */
    public long max() {
        return max;
    }

    /**
     * The allowed values in words, as error messages name them, e.g. {@code "0-3"} or
     * {@code "0 or 1"}.
     *
     * @return the description
     */
    public String range() {
        return switch (type) {
            case BOOLEAN -> "0 or 1";
            case INTEGER -> this == SYNC_PORTS ? "a power of two, 1-" + max : min + "-" + max;
            case UNSIGNED_LONG -> "0-" + max;
            case SECONDS -> "0-" + max + " seconds";
            case INTEGER_PAIR -> "two integers 0-" + max + ", the first less than the second unless the second is 0";
            case CPULIST -> "a cpulist such as 0-3,5 or all, or empty";
            case TEXT -> "any text";
        };
    }

    /**
     * The first kernel release that has the setting, when it is newer than Linux 6.1.
     *
     * @return the release, e.g. {@code "6.2"}, or empty
     */
    public Optional<String> since() {
        return Optional.ofNullable(since);
    }

    /**
     * The kernel module that registers the setting, when it is not ip_vs itself.
     *
     * @return the module, e.g. {@code "ip_vs_lblc"}, or empty
     */
    public Optional<String> module() {
        return Optional.ofNullable(module);
    }

    /**
     * Whether this library knows the setting (one of {@link #values()}).
     *
     * @return true for the constants
     */
    public boolean isKnown() {
        return type != Type.TEXT;
    }

    /**
     * Checks {@code text} as a value of this setting and returns it as the kernel writes it (white
     * space trimmed, a pair separated by a tab).
     *
     * @throws IllegalArgumentException naming the setting, the value and {@link #range()}
     */
    String check(String text) {
        Objects.requireNonNull(text, "value");
        String t = text.trim();
        switch (type) {
            case BOOLEAN, INTEGER, SECONDS, UNSIGNED_LONG -> {
                long v = number(t, text);
                if (v < min || v > max || (this == SYNC_PORTS && Long.bitCount(v) != 1)) {
                    throw outOfRange(text);
                }
                return Long.toString(v);
            }
            case INTEGER_PAIR -> {
                String[] parts = t.split("\\s+");
                if (parts.length != 2) {
                    throw outOfRange(text);
                }
                long a = number(parts[0], text);
                long b = number(parts[1], text);
                if (a < 0 || b < 0 || a > max || b > max || (a >= b && b != 0)) {
                    throw outOfRange(text);
                }
                return a + "\t" + b;
            }
            case CPULIST -> {
                if (!CPULIST.matcher(t).matches()) {
                    throw outOfRange(text);
                }
                return t;
            }
            default -> {
                if (t.indexOf('\n') >= 0) {
                    throw outOfRange(text);
                }
                return t;
            }
        }
    }

    private long number(String t, String text) {
        try {
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw outOfRange(text);
        }
    }

    private IllegalArgumentException outOfRange(String text) {
        return new IllegalArgumentException(fullName() + ": '" + text + "' (expected: " + range() + ")");
    }

    @Override
    public int compareTo(IpvsSysctl other) {
        return name.compareTo(other.name);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IpvsSysctl s && s.name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    /** The full name, e.g. {@code net.ipv4.vs.conntrack}. */
    @Override
    public String toString() {
        return fullName();
    }

    static List<IpvsSysctl> sorted(List<IpvsSysctl> list) {
        List<IpvsSysctl> copy = new ArrayList<>(list);
        Collections.sort(copy);
        return copy;
    }
}
