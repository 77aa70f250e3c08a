// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.cli.ipvs;

import io.netlink4j.ipvs.Protocol;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How ipvsadm names addresses and ports: numerically ({@code -n}), or by reverse lookup and
 * {@code /etc/services}, falling back to numbers.
 */
final class Names {
    private final boolean numeric;
    private final Map<InetAddress, String> hosts = new HashMap<>();

    Names(boolean numeric) {
        this.numeric = numeric;
    }

    /** {@code host:port}, {@code [v6host]:port}. */
    String addressPort(InetAddress address, int port, Protocol protocol) {
        String host = numeric ? InetText.ntop(address) : hosts.computeIfAbsent(address, Names::hostName);
        String service = numeric ? null : portName(port, protocol);
        String portText = service != null ? service : Integer.toString(port);
        return address instanceof Inet6Address ? "[" + host + "]:" + portText : host + ":" + portText;
    }

    private static String hostName(InetAddress address) {
        InetAddress probe = InetText.byAddress(address.getAddress());
        String name = probe.getHostName();
        return name.equals(probe.getHostAddress()) ? InetText.ntop(address) : name;
    }

    private static String portName(int port, Protocol protocol) {
        return protocol == null ? null : ServicesFile.system().name(port, protocolName(protocol));
    }

    /** The port a service name stands for under {@code protocol}, or -1 (also for no protocol). */
    static int portOf(String name, Protocol protocol) {
        return protocol == null ? -1 : ServicesFile.system().port(name, protocolName(protocol));
    }

    /** The first IPv4 address of a host name ({@code gethostbyname}), or null. */
    static Inet4Address ipv4Of(String host) {
        if (host.isEmpty()) {
            return null;
        }
        try {
            for (InetAddress a : InetAddress.getAllByName(host)) {
                if (a instanceof Inet4Address v4) {
                    return v4;
                }
            }
        } catch (UnknownHostException | SecurityException e) {
            return null;
        }
        return null;
    }

    private static String protocolName(Protocol protocol) {
        return protocol.name().toLowerCase(Locale.ROOT);
    }
}
