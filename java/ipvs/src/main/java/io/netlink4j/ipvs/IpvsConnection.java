// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ipvs;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One entry of IPVS's connection table ({@code ipvsadm -Lc}): a connection, or a persistence
 * template, as the kernel lists it in {@code /proc/net/ip_vs_conn} (or {@code ip_vs_conn_sync}).
 *
 * <p>A persistence template carries client port 0 ({@link #isTemplate()}); the template of a
 * firewall-mark service has protocol {@code IP} and the mark in place of the virtual address
 * ({@link #fwmark()}).
 *
 * @param protocolName       the kernel's protocol name: {@code TCP}, {@code UDP}, {@code SCTP}, {@code IP}
 *                           (templates of firewall-mark services) or another the kernel prints
 * @param clientAddress      the client's address
 * @param clientPort         the client's port, 0-65535 (0 in templates)
 * @param virtualAddress     the virtual service's address (the firewall mark for protocol IP)
 * @param virtualPort        the virtual service's port, 0-65535
 * @param destinationAddress the real server's address
 * @param destinationPort    the real server's port, 0-65535
 * @param state              the protocol state as the kernel names it ({@code ESTABLISHED}, {@code TIME_WAIT},
 *                           {@code UDP}, {@code NONE} for templates, ...)
 * @param expires            the time left until the entry expires, whole seconds
 * @param peName             the persistence engine's name ({@code sip}), when the entry has engine data
 * @param peData             the persistence engine's data (the SIP Call-ID), when it has
 * @param origin             LOCAL or SYNC (learned from a sync master), in the sync listing only
 */
public record IpvsConnection(String protocolName, InetAddress clientAddress, int clientPort, InetAddress virtualAddress,
                             int virtualPort, InetAddress destinationAddress, int destinationPort, String state,
                             Duration expires, Optional<String> peName, Optional<String> peData, Optional<Origin> origin) {
    /** Where a connection entry came from, as the sync listing shows. */
    public enum Origin {
        /** Created by this host's IPVS. */
        LOCAL,
        /** Learned from a sync master (IP_VS_CONN_F_SYNC). */
        SYNC
    }

    /**
     * Checks the components.
     *
     * @throws IllegalArgumentException for a port outside 0-65535, a negative expiry, a blank
     *                                  protocol or state, client and virtual addresses of different families
     */
    public IpvsConnection {
        Objects.requireNonNull(protocolName, "protocolName");
        Objects.requireNonNull(clientAddress, "clientAddress");
        Objects.requireNonNull(virtualAddress, "virtualAddress");
        Objects.requireNonNull(destinationAddress, "destinationAddress");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(expires, "expires");
        Objects.requireNonNull(peName, "peName");
        Objects.requireNonNull(peData, "peData");
        Objects.requireNonNull(origin, "origin");
        word("protocolName", protocolName);
        word("state", state);
        port("clientPort", clientPort);
        port("virtualPort", virtualPort);
        port("destinationPort", destinationPort);
        if (expires.isNegative()) {
            throw new IllegalArgumentException("expires: " + expires + " (expected: zero or more)");
        }
        if ((clientAddress instanceof Inet4Address) != (virtualAddress instanceof Inet4Address)) {
            throw new IllegalArgumentException("virtualAddress: " + virtualAddress.getHostAddress()
                    + " (expected: the family of clientAddress " + clientAddress.getHostAddress() + ")");
        }
    }

    private static void word(String field, String value) {
        if (value.isEmpty() || value.chars().anyMatch(c -> c <= ' ')) {
            throw new IllegalArgumentException(field + ": '" + value + "' (expected: a word without spaces)");
        }
    }

    private static void port(String field, int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(field + ": " + port + " (expected: 0-65535)");
        }
    }

    /**
     * The protocol, for TCP, UDP and SCTP entries.
     *
     * @return the protocol, or empty (protocol IP of firewall-mark templates, or another)
     */
    public Optional<Protocol> protocol() {
        return switch (protocolName) {
            case "TCP" -> Optional.of(Protocol.TCP);
            case "UDP" -> Optional.of(Protocol.UDP);
            case "SCTP" -> Optional.of(Protocol.SCTP);
            default -> Optional.empty();
        };
    }

    /**
     * Whether the entry is a persistence template (client port 0) rather than a connection.
     *
     * @return true for templates
     */
    public boolean isTemplate() {
        return clientPort == 0;
    }

    /**
     * The firewall mark of a template of a firewall-mark service (protocol {@code IP}): the kernel
     * keeps the mark in the first four bytes of the virtual address.
     *
     * @return the mark, or empty for other entries
     */
    public OptionalInt fwmark() {
        if (!protocolName.equals("IP")) {
            return OptionalInt.empty();
        }
        byte[] b = virtualAddress.getAddress();
        return OptionalInt.of((b[0] & 0xff) << 24 | (b[1] & 0xff) << 16 | (b[2] & 0xff) << 8 | (b[3] & 0xff));
    }

    /**
     * Whether the entry is IPv6 (client and virtual addresses; the destination may be of the other family).
     *
     * @return true for IPv6
     */
    public boolean isIpv6() {
        return clientAddress instanceof Inet6Address;
    }
}
