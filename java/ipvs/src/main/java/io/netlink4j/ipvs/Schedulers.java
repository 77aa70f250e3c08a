// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ipvs;

import java.util.List;

/** Names of the kernel's IPVS schedulers; each lives in the kernel module {@code ip_vs_<name>}. */
public final class Schedulers {
    private Schedulers() {}

    /** Round robin. */
    public static final String ROUND_ROBIN = "rr";
    /** Weighted round robin. */
    public static final String WEIGHTED_ROUND_ROBIN = "wrr";
    /** Least connection. */
    public static final String LEAST_CONNECTION = "lc";
    /** Weighted least connection (ipvsadm's default). */
    public static final String WEIGHTED_LEAST_CONNECTION = "wlc";
    /** Locality-based least connection. */
    public static final String LOCALITY_BASED_LEAST_CONNECTION = "lblc";
    /** Locality-based least connection with replication. */
    public static final String LOCALITY_BASED_LEAST_CONNECTION_REPLICATION = "lblcr";
    /** Destination hashing. */
    public static final String DESTINATION_HASHING = "dh";
    /** Source hashing. */
    public static final String SOURCE_HASHING = "sh";
    /** Shortest expected delay. */
    public static final String SHORTEST_EXPECTED_DELAY = "sed";
    /** Never queue. */
    public static final String NEVER_QUEUE = "nq";
    /** Weighted failover. */
    public static final String WEIGHTED_FAILOVER = "fo";
    /** Weighted overflow. */
    public static final String WEIGHTED_OVERFLOW = "ovf";
    /** Maglev hashing. */
    public static final String MAGLEV_HASHING = "mh";
    /** Weighted random twos choice (Linux 5.10+). */
    public static final String TWOS = "twos";

    /** Every scheduler name the mainline kernel ships. */
    public static final List<String> ALL = List.of(ROUND_ROBIN, WEIGHTED_ROUND_ROBIN, LEAST_CONNECTION,
            WEIGHTED_LEAST_CONNECTION, LOCALITY_BASED_LEAST_CONNECTION, LOCALITY_BASED_LEAST_CONNECTION_REPLICATION,
            DESTINATION_HASHING, SOURCE_HASHING, SHORTEST_EXPECTED_DELAY, NEVER_QUEUE, WEIGHTED_FAILOVER,
            WEIGHTED_OVERFLOW, MAGLEV_HASHING, TWOS);

    /** The persistence engine for SIP (module ip_vs_pe_sip). */
    public static final String PE_SIP = "sip";

    /** The kernel module that provides scheduler {@code name}. */
    public static String moduleOf(String name) {
        return "ip_vs_" + name;
    }
}
