// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.cli.ipvs;

import io.netlink4j.cli.CliException;
import io.netlink4j.cli.ipvs.IpvsadmCommand.Command;
import io.netlink4j.cli.ipvs.IpvsadmCommand.Format;
import io.netlink4j.cli.ipvs.IpvsadmCommand.Listing;
import io.netlink4j.cli.ipvs.IpvsadmOptions.Given;
import io.netlink4j.cli.ipvs.IpvsadmOptions.Opt;
import io.netlink4j.AddressFamily;
import io.netlink4j.ipvs.Config;
import io.netlink4j.ipvs.DaemonConfig;
import io.netlink4j.ipvs.Destination;
import io.netlink4j.ipvs.ForwardingMethod;
import io.netlink4j.ipvs.Netmask;
import io.netlink4j.ipvs.PersistenceEngine;
import io.netlink4j.ipvs.Protocol;
import io.netlink4j.ipvs.Scheduler;
import io.netlink4j.ipvs.Service;
import io.netlink4j.ipvs.ServiceFlags;
import io.netlink4j.ipvs.TunnelFlags;
import io.netlink4j.ipvs.TunnelType;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import static io.netlink4j.cli.ipvs.IpvsadmOptions.ALL_OPTS;
import static io.netlink4j.cli.ipvs.IpvsadmOptions.ALLOWED;
import static io.netlink4j.cli.ipvs.IpvsadmOptions.TUNNEL_ALLOWED;
import static io.netlink4j.cli.ipvs.IpvsadmOptions.TUNNEL_OPTS;

/**
 * Reads an ipvsadm command line the way ipvsadm 1.31 does, so that scripts written for it mean
 * the same here.
 *
 * <p>The options are read as popt reads them ({@link IpvsadmOptions}); the first must be the
 * command, and words that are not options are left over (only {@code --set} takes any). Values
 * are read in order with ipvsadm's side effects: a real server without a port takes the service port known
 * so far, {@code -M} is a dotted mask (or any {@code inet_aton} form) unless the service is
 * already IPv6, {@code -6} needs {@code -f} before it. Then ipvsadm's table of which options
 * each command requires, allows or forbids is applied, and its other checks.
 *
 * <p>Two options are netlink4j's own: {@code --json} (list as JSON) and {@code --netns NAME|PATH}.
 * Errors are {@link CliException}s with ipvsadm's exit codes: 2, or 255 for an unknown option, a
 * missing option argument or a missing command.
 */
final class IpvsadmParser {
    static final String PROGRAM = "netlink4j ipvs";
    /** ipvsadm's longest timeout: 31 days. */
    static final int MAX_TIMEOUT = 86400 * 31;
    /** ipvsadm's persistence timeout when -p has none (IPVS_SVC_PERSISTENT_TIMEOUT). */
    static final int DEFAULT_PERSISTENCE_TIMEOUT = 360;
    static final String DEFAULT_SCHEDULER = "wlc";
    static final String DEFAULT_MCAST_INTERFACE = "eth0";
    private static final int EXIT_USAGE = 2;
    static final int EXIT_BAD_OPTION = 255;

    /** Where a service or server address was read into (ipvsadm's parse_service). */
    private static final class Endpoint {
        AddressFamily family;
        InetAddress address;
        int port;
        /** An IPv4 mask (all bits by default) or an IPv6 prefix length, as ipvsadm keeps it. */
        Netmask netmask = Netmask.ofPrefix(32);
    }

    private static final int SERVICE_ADDR = 1;
    private static final int SERVICE_PORT = 2;

    // The command line as read so far: ipvsadm's struct ipvs_command_entry.
    private Command command;
    private final Set<Opt> options = EnumSet.noneOf(Opt.class);
    private final Set<Format> format = EnumSet.noneOf(Format.class);
    private final Endpoint service = new Endpoint();
    private Protocol protocol;
    private long fwMark;
    private String scheduler = "";
    private int flags;
    private long timeout;
    private String peName = "";
    private String schedFlags;
    private final Endpoint server = new Endpoint();
    private ForwardingMethod forwarding = ForwardingMethod.DIRECT_ROUTE;
    private int weight = Destination.DEFAULT_WEIGHT;
    private long upperThreshold;
    private long lowerThreshold;
    private TunnelType tunnelType = TunnelType.IPIP;
    private int tunnelPort;
    private int tunnelFlags;
    private final DaemonConfig.Builder daemon = DaemonConfig.builder();
    private String multicastInterface = "";
    private DaemonConfig.State daemonState;
    private Config timeouts;
    private boolean json;
    private String netns;

    private IpvsadmParser() {}

    /**
     * Parses and checks one ipvsadm command line (without the program name).
     *
     * @throws CliException with ipvsadm's message and exit code when the line is not valid
     */
    static IpvsadmCommand parse(List<String> args) {
        return new IpvsadmParser().run(args);
    }

    private IpvsadmCommand run(List<String> args) {
        List<String> leftovers = new ArrayList<>();
        List<Given> given = IpvsadmOptions.read(args, leftovers);
        if (given.isEmpty() || given.get(0).option().command == null) {
            throw usage("no command given: the first option must be a command such as -A, -a, -L or -S", EXIT_BAD_OPTION);
        }
        Given first = given.get(0);
        command = first.option().command;
        if (command == Command.HELP || command == Command.VERSION) {
            return new IpvsadmCommand(command, null, null, null, null, null, null, Set.of(), false, null);
        }
        if (command == Command.START_DAEMON || command == Command.STOP_DAEMON) {
            daemonState = switch (first.value()) {
                case "master" -> DaemonConfig.State.MASTER;
                case "backup" -> DaemonConfig.State.BACKUP;
                default -> throw usage("illegal " + command.label() + " parameter specified (expected master or backup)");
            };
        }
        for (Given g : given.subList(1, given.size())) {
            apply(g);
        }
        if (command == Command.SET) {
            if (leftovers.size() < 3) {
                throw usage("--set option requires 3 timeout values");
            }
            timeouts = new Config(Duration.ofSeconds(timeoutValue(leftovers.get(0), 0)),
                    Duration.ofSeconds(timeoutValue(leftovers.get(1), 0)), Duration.ofSeconds(timeoutValue(leftovers.get(2), 0)));
            leftovers = leftovers.subList(3, leftovers.size());
        }
        if (!leftovers.isEmpty()) {
            throw usage("unexpected argument " + leftovers.get(0));
        }
        if (schedFlags != null) {
            flags = (flags & ~(ServiceFlags.SCHED1 | ServiceFlags.SCHED2 | ServiceFlags.SCHED3)) | schedFlagsValue(schedFlags);
        }
        checkOptions();
        return build();
    }

    private void apply(Given g) {
        String v = g.value();
        switch (g.option()) {
            case TCP_SERVICE, UDP_SERVICE, SCTP_SERVICE -> {
                set(Opt.SERVICE);
                protocol = switch (g.option()) {
                    case TCP_SERVICE -> Protocol.TCP;
                    case UDP_SERVICE -> Protocol.UDP;
                    default -> Protocol.SCTP;
                };
                if ((parseEndpoint(v, protocol, service) & SERVICE_ADDR) == 0) {
                    throw usage("illegal virtual server address[:port] specified");
                }
            }
            case FWMARK_SERVICE -> {
                set(Opt.SERVICE);
                service.family = AddressFamily.INET;
                protocol = Protocol.TCP;
                fwMark = fwMarkValue(v);
            }
            case SCHEDULER -> {
                set(Opt.SCHEDULER);
                scheduler = truncate(v);
            }
            case PERSISTENT -> {
                set(Opt.PERSISTENT);
                flags |= ServiceFlags.PERSISTENT;
                timeout = v == null ? DEFAULT_PERSISTENCE_TIMEOUT : timeoutValue(v, 1);
            }
            case NETMASK -> {
                set(Opt.NETMASK);
                if (!AddressFamily.INET6.equals(service.family)) {
                    Inet4Address mask = InetText.aton(v);
                    if (mask == null) {
                        mask = Names.ipv4Of(v);
                    }
                    if (mask == null) {
                        throw usage("illegal virtual server persistent mask specified");
                    }
                    service.netmask = Netmask.of(mask);
                } else {
                    int prefix = atoi(v);
                    if (prefix < 1 || prefix > 128) {
                        throw usage("illegal ipv6 netmask specified");
                    }
                    service.netmask = Netmask.ofPrefix(AddressFamily.INET6, prefix);
                }
            }
            case REAL_SERVER -> {
                set(Opt.SERVER);
                Endpoint parsed = new Endpoint();
                parsed.family = service.family;
                parsed.port = service.port;
                int result = parseEndpoint(v, protocol, parsed);
                if ((result & SERVICE_ADDR) == 0) {
                    throw usage("illegal real server address[:port] specified");
                }
                server.family = parsed.family;
                server.address = parsed.address;
                server.port = result == SERVICE_ADDR ? service.port : parsed.port;
            }
            case MASQUERADING, IPIP, GATEWAYING -> {
                set(Opt.FORWARD);
                forwarding = switch (g.option()) {
                    case MASQUERADING -> ForwardingMethod.MASQUERADE;
                    case IPIP -> ForwardingMethod.TUNNEL;
                    default -> ForwardingMethod.DIRECT_ROUTE;
                };
            }
            case WEIGHT -> {
                set(Opt.WEIGHT);
                weight = (int) number(v, 0, Integer.MAX_VALUE, "illegal weight specified");
            }
            case U_THRESHOLD -> {
                set(Opt.UTHRESHOLD);
                upperThreshold = number(v, 0, Integer.MAX_VALUE, "illegal u_threshold specified");
            }
            case L_THRESHOLD -> {
                set(Opt.LTHRESHOLD);
                lowerThreshold = number(v, 0, Integer.MAX_VALUE, "illegal l_threshold specified");
            }
            case NUMERIC -> format(Opt.NUMERIC, Format.NUMERIC);
            case CONNECTION -> set(Opt.CONNECTION);
            case MCAST_INTERFACE -> {
                set(Opt.MCAST);
                multicastInterface = truncate(v);
            }
            case SYNCID -> {
                set(Opt.SYNCID);
                daemon.syncId(number(v, 0, 255, "illegal syncid specified"));
            }
            case TIMEOUT -> set(Opt.TIMEOUT);
            case DAEMON -> set(Opt.DAEMON);
            case STATS -> format(Opt.STATS, Format.STATS);
            case RATE -> format(Opt.RATE, Format.RATE);
            case THRESHOLDS -> format(Opt.THRESHOLDS, Format.THRESHOLDS);
            case PERSISTENT_CONN -> format(Opt.PERSISTENTCONN, Format.PERSISTENT_CONN);
            case NOSORT -> format(Opt.NOSORT, Format.NOSORT);
            case SORT -> { }
            case EXACT -> format(Opt.EXACT, Format.EXACT);
            case IPV6 -> {
                if (fwMark == 0) {
                    throw usage("-6 used before -f");
                }
                service.family = AddressFamily.INET6;
                service.netmask = Netmask.ofPrefix(AddressFamily.INET6, 128);
            }
            case OPS -> {
                set(Opt.ONEPACKET);
                flags |= ServiceFlags.ONEPACKET;
            }
            case PE -> {
                set(Opt.PE);
                peName = truncate(v);
            }
            case SCHED_FLAGS -> {
                set(Opt.SCHED_FLAGS);
                schedFlags = v;
            }
            case MCAST_GROUP -> {
                set(Opt.MCAST_GROUP);
                daemon.multicastGroup(multicastGroup(v));
            }
            case MCAST_PORT -> {
                set(Opt.MCAST_PORT);
                daemon.multicastPort((int) number(v, 1, 65535, "illegal mcast-port specified"));
            }
            case MCAST_TTL -> {
                set(Opt.MCAST_TTL);
                daemon.multicastTtl((int) number(v, 1, 255, "illegal mcast-ttl specified"));
            }
            case SYNC_MAXLEN -> {
                set(Opt.SYNC_MAXLEN);
                daemon.syncMaxLength((int) number(v, 1, 65535 - 20 - 8, "illegal sync-maxlen specified"));
            }
            case TUN_INFO -> format(Opt.TUN_INFO, Format.TUN_INFO);
            case TUN_TYPE -> {
                set(Opt.TUN_TYPE);
                tunnelType = switch (v) {
                    case "ipip" -> TunnelType.IPIP;
                    case "gue" -> TunnelType.GUE;
                    case "gre" -> TunnelType.GRE;
                    default -> throw usage("illegal tunnel type specified (expected ipip, gue or gre)");
                };
            }
            case TUN_PORT -> {
                set(Opt.TUN_PORT);
                tunnelPort = (int) number(v, 1, 65535, "illegal tunnel port specified");
            }
            case TUN_NOCSUM -> set(Opt.TUN_NOCSUM);
            case TUN_CSUM -> {
                set(Opt.TUN_CSUM);
                tunnelFlags |= TunnelFlags.CSUM;
            }
            case TUN_REMCSUM -> {
                set(Opt.TUN_REMCSUM);
                tunnelFlags |= TunnelFlags.REMCSUM;
            }
            case JSON -> json = true;
            case NETNS -> netns = v;
            default -> throw usage("invalid option `" + g.spelled() + "' (the command must come first, and only once)");
        }
    }

    private void set(Opt opt) {
        if (!options.add(opt)) {
            throw usage("multiple '" + opt.label + "' options specified");
        }
    }

    private void format(Opt opt, Format f) {
        set(opt);
        format.add(f);
    }

    /** ipvsadm's checks after reading the line: the option table, then each command's own rules. */
    private void checkOptions() {
        IpvsadmOptions.check(ALLOWED.get(command), ALL_OPTS, options, () -> "the '" + command.label() + "' command");
        if (command == Command.ADD_SERVICE || command == Command.EDIT_SERVICE) {
            if (fwMark == 0 && service.port == 0 && (flags & ServiceFlags.PERSISTENT) == 0) {
                throw usage("Zero port specified for non-persistent service");
            }
            if ((flags & ServiceFlags.ONEPACKET) != 0 && fwMark == 0 && protocol != Protocol.UDP) {
                throw usage("One-Packet Scheduling is only for UDP virtual services");
            }
        }
        if (command == Command.ADD_SERVER || command == Command.EDIT_SERVER) {
            if (fwMark == 0 && (forwarding.equals(ForwardingMethod.TUNNEL) || forwarding.equals(ForwardingMethod.DIRECT_ROUTE))) {
                server.port = service.port;
            }
            if (!java.util.Objects.equals(server.family, service.family) && !forwarding.equals(ForwardingMethod.TUNNEL)) {
                throw usage("Different address family is allowed only for tunneling servers");
            }
            boolean tunnelOptions = options.contains(Opt.TUN_TYPE) || TUNNEL_OPTS.stream().anyMatch(options::contains);
            if (tunnelOptions && !forwarding.equals(ForwardingMethod.TUNNEL)) {
                throw usage("Tunnel options conflict with forward method");
            }
            IpvsadmOptions.check(TUNNEL_ALLOWED.get(tunnelType), TUNNEL_OPTS, options, () -> "the '"
                    + tunnelType.name().toLowerCase(java.util.Locale.ROOT) + "' tunnel type");
        }
        if (command == Command.LIST) {
            boolean statsLike = options.contains(Opt.STATS) || options.contains(Opt.RATE) || options.contains(Opt.THRESHOLDS);
            boolean timeoutOrDaemon = options.contains(Opt.TIMEOUT) || options.contains(Opt.DAEMON);
            if (((timeoutOrDaemon || options.contains(Opt.CONNECTION)) && statsLike)
                    || (timeoutOrDaemon && options.contains(Opt.PERSISTENTCONN))) {
                throw usage("options conflicts in the list command");
            }
        }
        if (json && command != Command.LIST) {
            throw usage("--json applies to the list command (-L) only");
        }
    }

    private IpvsadmCommand build() {
        Service svc = options.contains(Opt.SERVICE) ? buildService() : null;
        Destination dest = options.contains(Opt.SERVER) ? buildDestination() : null;
        Listing listing = null;
        if (command == Command.LIST) {
            listing = options.contains(Opt.CONNECTION) ? Listing.CONNECTIONS
                    : options.contains(Opt.SERVICE) ? Listing.SERVICE
                    : options.contains(Opt.TIMEOUT) ? Listing.TIMEOUTS
                    : options.contains(Opt.DAEMON) ? Listing.DAEMONS
                    : Listing.ALL;
        }
        DaemonConfig daemonConfig = null;
        if (command == Command.START_DAEMON) {
            String ifname = multicastInterface.isEmpty() ? DEFAULT_MCAST_INTERFACE : multicastInterface;
            daemonConfig = built(daemon.state(daemonState).multicastInterface(ifname)::build);
        }
        return new IpvsadmCommand(command, listing, svc, dest, timeouts, daemonConfig, daemonState, Set.copyOf(format), json, netns);
    }

    private Service buildService() {
        return built(() -> {
            Service.Builder b = Service.builder().addressFamily(service.family)
                    .scheduler(Scheduler.of(scheduler.isEmpty() ? DEFAULT_SCHEDULER : scheduler))
                    .flags(flags).timeout(timeout);
            if (!peName.isEmpty()) {
                b.persistenceEngine(PersistenceEngine.of(peName));
            }
            if (fwMark != 0) {
                b.fwMark(fwMark);
            } else {
                b.protocol(protocol).address(service.address).port(service.port);
            }
            return b.netmask(netmaskOf(service)).build();
        });
    }

    /** The endpoint's netmask for its family: ipvsadm keeps one number for an IPv4 mask and an IPv6 prefix length. */
    private static Netmask netmaskOf(Endpoint e) {
        if (e.netmask.addressFamily().equals(e.family)) {
            return e.netmask;
        }
        return AddressFamily.INET.equals(e.family) ? Netmask.of(e.netmask.value()) : Netmask.ofPrefix(e.family, e.netmask.value());
    }

    private Destination buildDestination() {
        Destination.Builder b = Destination.builder().addressFamily(server.family).address(server.address).port(server.port)
                .weight(weight).forwardingMethod(forwarding).upperThreshold(upperThreshold).lowerThreshold(lowerThreshold);
        if (forwarding.equals(ForwardingMethod.TUNNEL)) {
            b.tunnelType(tunnelType).tunnelPort(tunnelPort).tunnelFlags(tunnelFlags);
        }
        return built(b::build);
    }

    /** Runs a builder, turning its validation failures into usage errors. */
    private static <T> T built(Supplier<T> builder) {
        try {
            return builder.get();
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    /**
     * ipvsadm's parse_service: {@code host[:port]}, {@code [v6]:port}, or a bare IPv6 address;
     * hosts and ports may be names. Updates {@code into} and returns SERVICE_ADDR | SERVICE_PORT
     * for what was found, 0 when the text is not valid.
     */
    private static int parseEndpoint(String text, Protocol protocol, Endpoint into) {
        if (text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return 0;
        }
        String host = text;
        String port = null;
        if (host.startsWith("[")) {
            int close = host.indexOf(']');
            if (close < 0 || close + 1 >= host.length() || host.charAt(close + 1) != ':') {
                return 0;
            }
            port = host.substring(close + 2);
            host = host.substring(1, close);
        }
        Inet6Address v6 = InetText.pton6(host);
        if (v6 != null) {
            into.family = AddressFamily.INET6;
            into.address = v6;
            into.netmask = Netmask.ofPrefix(AddressFamily.INET6, 128);
        } else {
            // Not IPv6: the port follows the last colon, even of a bracketed text.
            int colon = host.lastIndexOf(':');
            port = colon >= 0 ? host.substring(colon + 1) : null;
            host = colon >= 0 ? host.substring(0, colon) : host;
            Inet4Address v4 = InetText.aton(host);
            if (v4 == null) {
                v4 = Names.ipv4Of(host);
            }
            if (v4 == null) {
                return 0;
            }
            into.family = AddressFamily.INET;
            into.address = v4;
        }
        if (port == null) {
            return SERVICE_ADDR;
        }
        long number = strtol(port);
        int value = number >= 0 && number <= 65535 ? (int) number : Names.portOf(port, protocol);
        if (value < 0) {
            return 0;
        }
        into.port = value;
        return SERVICE_ADDR | SERVICE_PORT;
    }

    private static InetAddress multicastGroup(String text) {
        if (text.indexOf(':') >= 0) {
            Inet6Address v6 = InetText.pton6(text);
            if (v6 == null || !v6.isMulticastAddress()) {
                throw usage("invalid IPv6 mcast-group `" + text + "'");
            }
            return v6;
        }
        Inet4Address v4 = InetText.pton4(text);
        if (v4 == null || !v4.isMulticastAddress()) {
            throw usage("invalid IPv4 mcast-group `" + text + "'");
        }
        return v4;
    }

    private static long fwMarkValue(String text) {
        long value = strtol(text);
        if (value <= 0 || value > 0xFFFFFFFFL) {
            throw usage("invalid fwmark value `" + text + "' specified");
        }
        return value;
    }

    private static long timeoutValue(String text, int min) {
        return number(text, min, MAX_TIMEOUT, "invalid timeout value `" + text + "' specified");
    }

    private static long number(String text, long min, long max, String error) {
        long value = strtol(text);
        if (value == NOT_A_NUMBER || value < min || value > max) {
            throw usage(error);
        }
        return value;
    }

    private static final long NOT_A_NUMBER = Long.MIN_VALUE;

    /**
     * {@code strtol(text, &end, 10)} where all of {@code text} must be read: leading white space
     * and a sign are allowed. {@link #NOT_A_NUMBER} when the text is not entirely a number or
     * overflows.
     */
    private static long strtol(String text) {
        int i = 0;
        int len = text.length();
        while (i < len && isSpace(text.charAt(i))) {
            i++;
        }
        boolean negative = false;
        if (i < len && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
            negative = text.charAt(i) == '-';
            i++;
        }
        if (i >= len) {
            return NOT_A_NUMBER;
        }
        long value = 0;
        for (; i < len; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return NOT_A_NUMBER;
            }
            if (value > (Long.MAX_VALUE - (c - '0')) / 10) {
                return NOT_A_NUMBER;
            }
            value = value * 10 + (c - '0');
        }
        return negative ? -value : value;
    }

    /** {@code atoi}: the leading number of {@code text}, 0 if there is none. */
    private static int atoi(String text) {
        int i = 0;
        int len = text.length();
        while (i < len && isSpace(text.charAt(i))) {
            i++;
        }
        boolean negative = i < len && text.charAt(i) == '-';
        if (i < len && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
            i++;
        }
        long value = 0;
        while (i < len && text.charAt(i) >= '0' && text.charAt(i) <= '9' && value <= Integer.MAX_VALUE) {
            value = value * 10 + (text.charAt(i++) - '0');
        }
        return (int) (negative ? -value : value);
    }

    private static boolean isSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }

    private int schedFlagsValue(String text) {
        String sched = scheduler.isEmpty() ? DEFAULT_SCHEDULER : scheduler;
        int value = 0;
        for (String flag : text.split(",")) {
            if (flag.isEmpty()) {
                continue;
            }
            int bit = switch (flag) {
                case "flag-1", "sh-fallback", "mh-fallback" -> ServiceFlags.SCHED1;
                case "flag-2", "sh-port", "mh-port" -> ServiceFlags.SCHED2;
                case "flag-3" -> ServiceFlags.SCHED3;
                default -> throw usage("invalid scheduler flag `" + flag + "'");
            };
            if (flag.startsWith("sh-") && !sched.equals("sh") || flag.startsWith("mh-") && !sched.equals("mh")) {
                throw usage("incompatible scheduler flag `" + flag + "'");
            }
            value |= bit;
        }
        return value;
    }

    /** Names are cut to the kernel's 15 characters, as ipvsadm's strncpy does. */
    private static String truncate(String name) {
        return name.length() > 15 ? name.substring(0, 15) : name;
    }

    static CliException usage(String message) {
        return usage(message, EXIT_USAGE);
    }

    static CliException usage(String message, int exitCode) {
        return new CliException(message, exitCode, PROGRAM);
    }
}
