// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.cli.ipvs;

import io.netlink4j.cli.ipvs.IpvsadmCommand.Format;
import io.netlink4j.AddressFamily;
import io.netlink4j.ipvs.Config;
import io.netlink4j.ipvs.DaemonConfig;
import io.netlink4j.ipvs.Destination;
import io.netlink4j.ipvs.ForwardingMethod;
import io.netlink4j.ipvs.Info;
import io.netlink4j.ipvs.Netmask;
import io.netlink4j.ipvs.Service;
import io.netlink4j.ipvs.ServiceFlags;
import io.netlink4j.ipvs.Stats;
import io.netlink4j.ipvs.TunnelFlags;
import io.netlink4j.ipvs.TunnelType;

import java.util.List;
import java.util.Set;

/**
 * ipvsadm 1.31's text: the listing ({@code -L} with its format options) and the rules of
 * {@code -S}, byte for byte, including its column widths, trailing blanks and truncations.
 */
final class IpvsadmText {
    private static final String ADDRESS_TITLE = "Prot LocalAddress:Port";
    private static final String SERVER_TITLE = "  -> RemoteAddress:Port\n";

    private final Set<Format> format;
    private final boolean rules;
    private final Names names;

    /**
     * @param format the listing options
     * @param rules  write {@code -S} rules instead of the listing
     */
    IpvsadmText(Set<Format> format, boolean rules) {
        this.format = format;
        this.rules = rules;
        this.names = new Names(format.contains(Format.NUMERIC));
    }

    /** The first line of a full listing. */
    static String header(Info info) {
        return "IP Virtual Server version " + info.versionString() + " (size=" + (int) info.connectionTableSize() + ")\n";
    }

    /** The column titles (nothing for rules). */
    String title() {
        if (rules) {
            return "";
        }
        if (format.contains(Format.STATS)) {
            return padRight(ADDRESS_TITLE, 33) + " " + padLeft("Conns", 8) + " " + padLeft("InPkts", 8) + " "
                    + padLeft("OutPkts", 8) + " " + padLeft("InBytes", 8) + " " + padLeft("OutBytes", 8) + "\n" + SERVER_TITLE;
        }
        if (format.contains(Format.RATE)) {
            return padRight(ADDRESS_TITLE, 33) + " " + padLeft("CPS", 8) + " " + padLeft("InPPS", 8) + " "
                    + padLeft("OutPPS", 8) + " " + padLeft("InBPS", 8) + " " + padLeft("OutBPS", 8) + "\n" + SERVER_TITLE;
        }
        if (format.contains(Format.THRESHOLDS)) {
            return padRight(ADDRESS_TITLE, 33) + " " + padRight("Uthreshold", 10) + " " + padRight("Lthreshold", 10) + " "
                    + padRight("ActiveConn", 10) + " " + padRight("InActConn", 10) + "\n" + SERVER_TITLE;
        }
        if (format.contains(Format.PERSISTENT_CONN)) {
            return padRight(ADDRESS_TITLE, 33) + " " + padRight("Weight", 9) + " " + padRight("PersistConn", 11) + " "
                    + padRight("ActiveConn", 10) + " " + padRight("InActConn", 10) + "\n" + SERVER_TITLE;
        }
        if (format.contains(Format.TUN_INFO)) {
            return "Prot LocalAddress:Port Scheduler Flags\n"
                    + "  -> RemoteAddress:Port           Forward TunnelInfo    Weight ActiveConn InActConn\n";
        }
        return "Prot LocalAddress:Port Scheduler Flags\n"
                + "  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn\n";
    }

    /** A service's line and its destinations' lines, the destinations in the order given. */
    void service(StringBuilder out, Service s, List<Destination> destinations) {
        String name = serviceName(s);
        if (rules) {
            serviceRule(out, "-A", s, true);
        } else if (format.contains(Format.STATS)) {
            Stats st = s.stats();
            out.append(padRight(name, 33));
            numbers(out, st.connections(), st.packetsIn(), st.packetsOut(), st.bytesIn(), st.bytesOut());
        } else if (format.contains(Format.RATE)) {
            Stats st = s.stats();
            out.append(padRight(name, 33));
            numbers(out, st.cps(), st.ppsIn(), st.ppsOut(), st.bpsIn(), st.bpsOut());
        } else {
            out.append(name).append(' ').append(s.scheduler().name());
            if (hasSchedFlags(s)) {
                out.append(" (").append(schedFlags(s)).append(')');
            }
            if (s.isPersistent()) {
                out.append(" persistent ").append(s.timeout());
                appendMask(out, s, " mask ");
                if (s.persistenceEngine().isPresent()) {
                    out.append(" pe ").append(s.persistenceEngine().get().name());
                }
            }
            if (s.isOnePacket()) {
                out.append(" ops");
            }
        }
        out.append('\n');
        for (Destination d : destinations) {
            destination(out, s, d);
        }
    }

    private void destination(StringBuilder out, Service s, Destination d) {
        if (rules) {
            destinationRule(out, "-a", s, d, true);
            out.append('\n');
            return;
        }
        String name = names.addressPort(d.address(), d.port(), s.protocol());
        if (!d.addressFamily().equals(AddressFamily.INET6)) {
            name = truncate(name, 28);
        }
        out.append("  -> ");
        Stats st = d.stats();
        if (format.contains(Format.STATS)) {
            out.append(padRight(name, 28));
            numbers(out, st.connections(), st.packetsIn(), st.packetsOut(), st.bytesIn(), st.bytesOut());
        } else if (format.contains(Format.RATE)) {
            out.append(padRight(name, 28)).append(' ').append(padLeft(Long.toUnsignedString(st.cps()), 8))
                    .append(' ').append(padLeft(Long.toUnsignedString(st.ppsIn()), 8))
                    .append(' ').append(padLeft(Long.toUnsignedString(st.ppsOut()), 8));
            numbers(out, st.bpsIn(), st.bpsOut());
        } else if (format.contains(Format.THRESHOLDS)) {
            columns(out, name, 28, d.upperThreshold(), 10, d.lowerThreshold(), 10, d.activeConnections(), 10,
                    d.inactiveConnections(), 10);
        } else if (format.contains(Format.PERSISTENT_CONN)) {
            columns(out, name, 28, d.weight(), 9, d.persistentConnections(), 11, d.activeConnections(), 10,
                    d.inactiveConnections(), 10);
        } else if (format.contains(Format.TUN_INFO)) {
            out.append(padRight(name, 28)).append(' ').append(padRight(nameOf(d.forwardingMethod()), 7)).append(' ')
                    .append(padRight(tunnelInfo(d), 13));
            columns(out, "", -1, d.weight(), 6, d.activeConnections(), 10, d.inactiveConnections(), 10);
        } else {
            out.append(padRight(name, 28)).append(' ').append(padRight(nameOf(d.forwardingMethod()), 7));
            columns(out, "", -1, d.weight(), 6, d.activeConnections(), 10, d.inactiveConnections(), 10);
        }
        out.append('\n');
    }

    /**
     * A service as an ipvsadm command line ({@code -A -t 10.0.0.1:80 -s wrr -p 300}, as {@code -S}
     * writes it), for this text's rules; with {@code settings} false only the service's identity
     * ({@code -D -t 10.0.0.1:80}).
     */
    void serviceRule(StringBuilder out, String command, Service s, boolean settings) {
        out.append(command).append(' ').append(serviceName(s));
        if (!settings) {
            return;
        }
        out.append(" -s ").append(s.scheduler().name());
        if (s.isPersistent()) {
            out.append(" -p ").append(s.timeout());
            appendMask(out, s, " -M ");
        }
        if (s.persistenceEngine().isPresent()) {
            out.append(" --pe ").append(s.persistenceEngine().get().name());
        }
        if (s.isOnePacket()) {
            out.append(" -o");
        }
        if (hasSchedFlags(s)) {
            out.append(" -b ").append(schedFlags(s));
        }
    }

    /**
     * A destination as an ipvsadm command line ({@code -a -t 10.0.0.1:80 -r 10.1.1.2:8080 -m -w 1},
     * as {@code -S} writes it, which leaves out thresholds), for this text's rules; with
     * {@code settings} false only the identities ({@code -d -t 10.0.0.1:80 -r 10.1.1.2:8080}).
     */
    void destinationRule(StringBuilder out, String command, Service s, Destination d, boolean settings) {
        out.append(command).append(' ').append(serviceName(s)).append(" -r ").append(names.addressPort(d.address(), d.port(), s.protocol()));
        if (!settings) {
            return;
        }
        out.append(' ').append(switchOf(d.forwardingMethod())).append(" -w ").append(d.weight());
        if (d.forwardingMethod().equals(ForwardingMethod.TUNNEL)) {
            out.append(" --tun-type ").append(d.tunnelType().name().toLowerCase(java.util.Locale.ROOT));
            if (d.tunnelType().equals(TunnelType.GUE)) {
                out.append(" --tun-port ").append(d.tunnelPort()).append(' ').append(checksumOption(d));
            } else if (d.tunnelType().equals(TunnelType.GRE)) {
                out.append(' ').append(checksumOption(d));
            }
        }
    }

    /** "TCP  10.0.0.1:80", "FWM  5 IPv6", or for rules "-t 10.0.0.1:80", "-f 5 -6". */
    private String serviceName(Service s) {
        boolean v6 = s.addressFamily().equals(AddressFamily.INET6);
        if (s.isFwMark()) {
            // ipvsadm prints the mark with %d: marks above 2^31 come out negative.
            int mark = (int) s.fwMark();
            return rules ? "-f " + mark + (v6 ? " -6" : "") : "FWM  " + mark + (v6 ? " IPv6" : "");
        }
        String address = names.addressPort(s.address(), s.port(), s.protocol());
        if (rules) {
            return switch (s.protocol()) {
                case TCP -> "-t ";
                case UDP -> "-u ";
                case SCTP -> "--sctp-service ";
            } + address;
        }
        String name = padRight(s.protocol().name(), 4) + " " + address;
        return v6 ? name : truncate(name, 33);
    }

    private static void appendMask(StringBuilder out, Service s, String label) {
        Netmask mask = s.netmask();
        if (s.addressFamily().equals(AddressFamily.INET)) {
            if (!mask.equals(Netmask.ofPrefix(32))) {
                out.append(label).append(mask);
            }
        } else if (mask.value() != 128) {
            out.append(label).append(mask.value());
        }
    }

    private static boolean hasSchedFlags(Service s) {
        return (s.flags() & (ServiceFlags.SCHED1 | ServiceFlags.SCHED2 | ServiceFlags.SCHED3)) != 0;
    }

    /** The scheduler flags by their names for this scheduler: "sh-fallback,sh-port", "flag-1,flag-3". */
    static String schedFlags(Service s) {
        String[] labels = switch (s.scheduler().name()) {
            case "sh" -> new String[] {"sh-fallback", "sh-port", null};
            case "mh" -> new String[] {"mh-fallback", "mh-port", null};
            default -> new String[] {"flag-1", "flag-2", "flag-3"};
        };
        int[] bits = {ServiceFlags.SCHED1, ServiceFlags.SCHED2, ServiceFlags.SCHED3};
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            if ((s.flags() & bits[i]) != 0 && labels[i] != null) {
                sb.append(sb.length() > 0 ? "," : "").append(labels[i]);
            }
        }
        return sb.toString();
    }

    /** The Forward column. ipvsadm has no name for BYPASS (or a method it does not know) and prints C's "(null)". */
    static String nameOf(ForwardingMethod method) {
        return switch (method.value()) {
            case 0 -> "Masq";
            case 1 -> "Local";
            case 2 -> "Tunnel";
            case 3 -> "Route";
            default -> "(null)";
        };
    }

    private static String switchOf(ForwardingMethod method) {
        return switch (method.value()) {
            case 0 -> "-m";
            case 2 -> "-i";
            case 1, 3 -> "-g";
            default -> "(null)";
        };
    }

    /** The TunnelInfo column: "ipip", "gue:6080:+c", "gre:-c", or "n/a". */
    private static String tunnelInfo(Destination d) {
        if (!d.forwardingMethod().equals(ForwardingMethod.TUNNEL)) {
            return "n/a";
        }
        return switch (d.tunnelType().value()) {
            case 0 -> "ipip";
            case 1 -> "gue:" + d.tunnelPort() + ":" + checksumLabel(d);
            case 2 -> "gre:" + checksumLabel(d);
            default -> d.tunnelType().name();
        };
    }

    private static String checksumLabel(Destination d) {
        return switch (d.tunnelFlags()) {
            case 0 -> "-c";
            case TunnelFlags.CSUM -> "+c";
            case TunnelFlags.REMCSUM -> "r+c";
            default -> Integer.toString(d.tunnelFlags());
        };
    }

    /** The checksum option; flags ipvsadm cannot set (both bits) come out as both options. */
    private static String checksumOption(Destination d) {
        return switch (d.tunnelFlags()) {
            case 0 -> "--tun-nocsum";
            case TunnelFlags.CSUM -> "--tun-csum";
            case TunnelFlags.REMCSUM -> "--tun-remcsum";
            default -> "--tun-csum --tun-remcsum";
        };
    }

    /** "Timeout (tcp tcpfin udp): 900 120 300". */
    static String timeouts(Config c) {
        return "Timeout (tcp tcpfin udp): " + (int) c.timeoutTcp().getSeconds() + " " + (int) c.timeoutTcpFin().getSeconds()
                + " " + (int) c.timeoutUdp().getSeconds() + "\n";
    }

    /** "master sync daemon (mcast=eth0, syncid=1, maxlen=1472, group=224.0.0.81, port=8848, ttl=1)". */
    static String daemon(DaemonConfig d) {
        StringBuilder sb = new StringBuilder(d.state() == DaemonConfig.State.MASTER ? "master" : "backup")
                .append(" sync daemon (mcast=").append(d.multicastInterface()).append(", syncid=").append((int) d.syncId());
        if (d.syncMaxLength() != 0) {
            sb.append(", maxlen=").append(d.syncMaxLength());
        }
        if (d.multicastGroup() != null) {
            sb.append(", group=").append(InetText.ntop(d.multicastGroup()));
        }
        if (d.multicastPort() != 0) {
            sb.append(", port=").append(d.multicastPort());
        }
        if (d.multicastTtl() != 0) {
            sb.append(", ttl=").append(d.multicastTtl());
        }
        return sb.append(")\n").toString();
    }

    private void numbers(StringBuilder out, long... values) {
        for (long v : values) {
            largeNumber(out, v, format.contains(Format.EXACT));
        }
    }

    /**
     * ipvsadm's print_largenum: 9 columns; without {@code exact}, numbers of 100 million and
     * more are shown in thousands (K), millions (M), billions (G) or trillions (T).
     */
    static void largeNumber(StringBuilder out, long value, boolean exact) {
        String digits = Long.toUnsignedString(value);
        if (exact) {
            out.append(padLeft(digits, digits.length() <= 8 ? 9 : digits.length() + 1));
        } else if (Long.compareUnsigned(value, 100_000_000L) < 0) {
            out.append(padLeft(digits, 9));
        } else if (Long.compareUnsigned(value, 1_000_000_000L) < 0) {
            out.append(padLeft(Long.toUnsignedString(Long.divideUnsigned(value, 1000L)), 8)).append('K');
        } else if (Long.compareUnsigned(value, 100_000_000_000L) < 0) {
            out.append(padLeft(Long.toUnsignedString(Long.divideUnsigned(value, 1_000_000L)), 8)).append('M');
        } else if (Long.compareUnsigned(value, 100_000_000_000_000L) < 0) {
            out.append(padLeft(Long.toUnsignedString(Long.divideUnsigned(value, 1_000_000_000L)), 8)).append('G');
        } else {
            out.append(padLeft(Long.toUnsignedString(Long.divideUnsigned(value, 1_000_000_000_000L)), 8)).append('T');
        }
    }

    /**
     * {@code text} padded to {@code width} (none if negative), then each number left-aligned in
     * its width, each preceded by a blank.
     */
    private static void columns(StringBuilder out, String text, int width, long... numbersAndWidths) {
        if (width >= 0) {
            out.append(padRight(text, width));
        }
        for (int i = 0; i < numbersAndWidths.length; i += 2) {
            out.append(' ').append(padRight(Long.toString(numbersAndWidths[i]), (int) numbersAndWidths[i + 1]));
        }
    }

    private static String truncate(String s, int length) {
        return s.length() > length ? s.substring(0, length) : s;
    }

    static String padRight(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    static String padLeft(String s, int width) {
        return s.length() >= width ? s : " ".repeat(width - s.length()) + s;
    }
}
