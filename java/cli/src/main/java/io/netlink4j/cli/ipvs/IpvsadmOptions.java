// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.cli.ipvs;

import io.netlink4j.cli.CliException;
import io.netlink4j.cli.ipvs.IpvsadmCommand.Command;
import io.netlink4j.ipvs.TunnelType;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * ipvsadm 1.31's options: its popt table (names, short letters, arguments), read with popt's
 * rules, and its tables of which options each command and tunnel type takes.
 *
 * <p>popt's rules: short options cluster ({@code -Ln}) and take their argument from the rest of
 * the cluster or the next word ({@code -p60}, {@code -t 10.0.0.1:80}); long options take
 * {@code --name=value} or {@code --name value}; an optional argument ({@code -p}'s timeout) is
 * taken only from a next word that does not start with '-'; a required one is taken whatever it
 * is; after {@code --} every word is left over, and so is every word that is not an option.
 */
final class IpvsadmOptions {
    private IpvsadmOptions() {}

    /** The columns of ipvsadm's option check table, in its order, with the names its messages use. */
    enum Opt {
        NUMERIC("numeric"), CONNECTION("connection"), SERVICE("service-address"), SCHEDULER("scheduler"),
        PERSISTENT("persistent"), NETMASK("netmask"), SERVER("real-server"), FORWARD("forwarding-method"),
        WEIGHT("weight"), UTHRESHOLD("u-threshold"), LTHRESHOLD("l-threshold"), MCAST("mcast-interface"),
        TIMEOUT("timeout"), DAEMON("daemon"), STATS("stats"), RATE("rate"), THRESHOLDS("thresholds"),
        PERSISTENTCONN("persistent-conn"), NOSORT("nosort"), SYNCID("syncid"), EXACT("exact"), ONEPACKET("ops"),
        PE("pe"), SCHED_FLAGS("sched-flags"), MCAST_GROUP("mcast-group"), MCAST_PORT("mcast-port"),
        MCAST_TTL("mcast-ttl"), SYNC_MAXLEN("sync-maxlen"), TUN_INFO("tun-info"), TUN_TYPE("tun-type"),
        TUN_PORT("tun-port"), TUN_NOCSUM("tun-nocsum"), TUN_CSUM("tun-csum"), TUN_REMCSUM("tun-remcsum");

        final String label;

        Opt(String label) {
            this.label = label;
        }
    }

    /**
     * Which options each command takes, one character per {@link Opt} in order: '+' required,
     * 'x' not allowed, '1' at most one of the '1' options, '.' optional.
     */
    static final Map<Command, String> ALLOWED = new EnumMap<>(Map.ofEntries(
            //                                  -n -c svc -s -p -M -r fwd -w -x -y mc tot dmn st rt thr pc srt sid ex ops pe -b grp prt ttl len tinf type tprt nocs csum remc
            Map.entry(Command.ADD_SERVICE,    "xx+...xxxxxxxxxxxxxxx...xxxxxxxxxx"),
            Map.entry(Command.EDIT_SERVICE,   "xx+...xxxxxxxxxxxxxxx...xxxxxxxxxx"),
            Map.entry(Command.DEL_SERVICE, "xx+xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"),
            Map.entry(Command.FLUSH,          "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"),
            Map.entry(Command.LIST,           ".11xxxxxxxxx11.......xxxxxxx.xxxxx"),
            Map.entry(Command.ADD_SERVER,     "xx+xxx+....xxxxxxxxxxxxxxxxxx....."),
            Map.entry(Command.DELETE_SERVER,  "xx+xxx+xxxxxxxxxxxxxxxxxxxxxxxxxxx"),
            Map.entry(Command.EDIT_SERVER,    "xx+xxx+....xxxxxxxxxxxxxxxxxx....."),
            Map.entry(Command.SET,            "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"),
            Map.entry(Command.START_DAEMON,   "xxxxxxxxxxx.xxxxxxx.xxxx....xxxxxx"),
            Map.entry(Command.STOP_DAEMON,    "xxxxxxxxxxxxxxxxxxx.xxxxxxxxxxxxxx"),
            Map.entry(Command.RESTORE,        "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"),
            Map.entry(Command.SAVE,           ".xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"),
            Map.entry(Command.ZERO,           "xx.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")));

    /** Per tunnel type, the tunnel options tun-port, tun-nocsum, tun-csum, tun-remcsum, coded as in {@link #ALLOWED}. */
    static final Map<TunnelType, String> TUNNEL_ALLOWED = Map.copyOf(Map.of(
            TunnelType.IPIP, "xxxx",
            TunnelType.GUE, "+111",
            TunnelType.GRE, "x11x"));
    static final List<Opt> TUNNEL_OPTS = List.of(Opt.TUN_PORT, Opt.TUN_NOCSUM, Opt.TUN_CSUM, Opt.TUN_REMCSUM);
    static final List<Opt> ALL_OPTS = List.of(Opt.values());

    /** Whether an option takes an argument. */
    enum Arg { NONE, REQUIRED, OPTIONAL }

    /** ipvsadm's command-line options (its popt table) and netlink4j's two additions. */
    enum Switch {
        ADD_SERVICE("add-service", "A", Arg.NONE, Command.ADD_SERVICE),
        EDIT_SERVICE("edit-service", "E", Arg.NONE, Command.EDIT_SERVICE),
        DEL_SERVICE("delete-service", "D", Arg.NONE, Command.DEL_SERVICE),
        CLEAR("clear", "C", Arg.NONE, Command.FLUSH),
        LIST("list", "Ll", Arg.NONE, Command.LIST),
        ZERO("zero", "Z", Arg.NONE, Command.ZERO),
        ADD_SERVER("add-server", "a", Arg.NONE, Command.ADD_SERVER),
        EDIT_SERVER("edit-server", "e", Arg.NONE, Command.EDIT_SERVER),
        DELETE_SERVER("delete-server", "d", Arg.NONE, Command.DELETE_SERVER),
        SET("set", "", Arg.NONE, Command.SET),
        HELP("help", "h", Arg.NONE, Command.HELP),
        VERSION("version", "v", Arg.NONE, Command.VERSION),
        RESTORE("restore", "R", Arg.NONE, Command.RESTORE),
        SAVE("save", "S", Arg.NONE, Command.SAVE),
        START_DAEMON("start-daemon", "", Arg.REQUIRED, Command.START_DAEMON),
        STOP_DAEMON("stop-daemon", "", Arg.REQUIRED, Command.STOP_DAEMON),
        TCP_SERVICE("tcp-service", "t", Arg.REQUIRED, null),
        UDP_SERVICE("udp-service", "u", Arg.REQUIRED, null),
        SCTP_SERVICE("sctp-service", "", Arg.REQUIRED, null),
        FWMARK_SERVICE("fwmark-service", "f", Arg.REQUIRED, null),
        SCHEDULER("scheduler", "s", Arg.REQUIRED, null),
        PERSISTENT("persistent", "p", Arg.OPTIONAL, null),
        NETMASK("netmask", "M", Arg.REQUIRED, null),
        REAL_SERVER("real-server", "r", Arg.REQUIRED, null),
        MASQUERADING("masquerading", "m", Arg.NONE, null),
        IPIP("ipip", "i", Arg.NONE, null),
        GATEWAYING("gatewaying", "g", Arg.NONE, null),
        WEIGHT("weight", "w", Arg.REQUIRED, null),
        U_THRESHOLD("u-threshold", "x", Arg.REQUIRED, null),
        L_THRESHOLD("l-threshold", "y", Arg.REQUIRED, null),
        NUMERIC("numeric", "n", Arg.NONE, null),
        CONNECTION("connection", "c", Arg.NONE, null),
        MCAST_INTERFACE("mcast-interface", "", Arg.REQUIRED, null),
        SYNCID("syncid", "", Arg.REQUIRED, null),
        TIMEOUT("timeout", "", Arg.NONE, null),
        DAEMON("daemon", "", Arg.NONE, null),
        STATS("stats", "", Arg.NONE, null),
        RATE("rate", "", Arg.NONE, null),
        THRESHOLDS("thresholds", "", Arg.NONE, null),
        PERSISTENT_CONN("persistent-conn", "", Arg.NONE, null),
        NOSORT("nosort", "", Arg.NONE, null),
        SORT("sort", "", Arg.NONE, null),
        EXACT("exact", "X", Arg.NONE, null),
        IPV6("ipv6", "6", Arg.NONE, null),
        OPS("ops", "o", Arg.NONE, null),
        PE("pe", "", Arg.REQUIRED, null),
        SCHED_FLAGS("sched-flags", "b", Arg.REQUIRED, null),
        MCAST_GROUP("mcast-group", "", Arg.REQUIRED, null),
        MCAST_PORT("mcast-port", "", Arg.REQUIRED, null),
        MCAST_TTL("mcast-ttl", "", Arg.REQUIRED, null),
        SYNC_MAXLEN("sync-maxlen", "", Arg.REQUIRED, null),
        TUN_INFO("tun-info", "", Arg.NONE, null),
        TUN_TYPE("tun-type", "", Arg.REQUIRED, null),
        TUN_PORT("tun-port", "", Arg.REQUIRED, null),
        TUN_NOCSUM("tun-nocsum", "", Arg.NONE, null),
        TUN_CSUM("tun-csum", "", Arg.NONE, null),
        TUN_REMCSUM("tun-remcsum", "", Arg.NONE, null),
        JSON("json", "", Arg.NONE, null),
        NETNS("netns", "", Arg.REQUIRED, null);

        final String longName;
        final String shortNames;
        final Arg arg;
        /** For a command option, its command. */
        final Command command;

        Switch(String longName, String shortNames, Arg arg, Command command) {
            this.longName = longName;
            this.shortNames = shortNames;
            this.arg = arg;
            this.command = command;
        }
    }

    private static final Map<String, Switch> BY_LONG_NAME = new HashMap<>();
    private static final Map<Character, Switch> BY_SHORT_NAME = new HashMap<>();

    static {
        for (Switch s : Switch.values()) {
            BY_LONG_NAME.put(s.longName, s);
            for (char c : s.shortNames.toCharArray()) {
                BY_SHORT_NAME.put(c, s);
            }
        }
    }

    /** An option as given: which one, its argument (or null), and how it was spelled. */
    record Given(Switch option, String value, String spelled) {
    }

    /**
     * Reads {@code args} as popt does: the options in order, and the words that are not options
     * into {@code leftovers}. Reading stops after a first -h or -v.
     *
     * @throws CliException (exit code 255) for an unknown option, an argument given to an option
     *                      that takes none, or a missing argument
     */
    static List<Given> read(List<String> args, List<String> leftovers) {
        List<Given> out = new ArrayList<>();
        boolean optionsEnded = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (optionsEnded || a.length() < 2 || a.charAt(0) != '-') {
                leftovers.add(a);
            } else if (a.equals("--")) {
                optionsEnded = true;
            } else if (a.startsWith("--")) {
                int eq = a.indexOf('=');
                String name = a.substring(2, eq >= 0 ? eq : a.length());
                Switch s = BY_LONG_NAME.get(name);
                if (s == null) {
                    throw IpvsadmParser.usage(a + ": unknown option", IpvsadmParser.EXIT_BAD_OPTION);
                }
                String value = eq >= 0 ? a.substring(eq + 1) : null;
                if (s.arg == Arg.NONE && value != null) {
                    throw IpvsadmParser.usage("--" + name + ": option does not take an argument", IpvsadmParser.EXIT_BAD_OPTION);
                }
                if (s.arg != Arg.NONE && value == null && hasArgument(args, i, s)) {
                    value = args.get(++i);
                }
                out.add(new Given(s, value, "--" + name));
            } else {
                for (int j = 1; j < a.length(); j++) {
                    Switch s = BY_SHORT_NAME.get(a.charAt(j));
                    if (s == null) {
                        throw IpvsadmParser.usage(a + ": unknown option", IpvsadmParser.EXIT_BAD_OPTION);
                    }
                    String spelled = "-" + a.charAt(j);
                    if (s.arg == Arg.NONE) {
                        out.add(new Given(s, null, spelled));
                        continue;
                    }
                    String value = j + 1 < a.length() ? a.substring(j + 1) : null;
                    if (value == null && hasArgument(args, i, s)) {
                        value = args.get(++i);
                    }
                    out.add(new Given(s, value, spelled));
                    break;
                }
            }
            if (!out.isEmpty()) {
                if (out.get(0).option() == Switch.HELP || out.get(0).option() == Switch.VERSION) {
                    // Like ipvsadm, help and version look at nothing after them.
                    return out;
                }
                Given last = out.get(out.size() - 1);
                if (last.option().arg == Arg.REQUIRED && last.value() == null) {
                    throw IpvsadmParser.usage(last.spelled() + ": missing argument", IpvsadmParser.EXIT_BAD_OPTION);
                }
            }
        }
        return out;
    }

    /** Whether the word after {@code args[i]} is the argument of option {@code s}. */
    private static boolean hasArgument(List<String> args, int i, Switch s) {
        if (i + 1 >= args.size()) {
            return false;
        }
        return s.arg == Arg.REQUIRED || !args.get(i + 1).startsWith("-");
    }

    /**
     * Checks the options given against one row of a check table; {@code what} names the command
     * or tunnel type for messages.
     */
    static void check(String row, List<Opt> columns, Set<Opt> options, Supplier<String> what) {
        Opt exclusive = null;
        for (int i = 0; i < columns.size(); i++) {
            Opt opt = columns.get(i);
            char rule = row.charAt(i);
            if (!options.contains(opt)) {
                if (rule == '+') {
                    throw IpvsadmParser.usage("You need to supply the '" + opt.label + "' option for " + what.get());
                }
            } else if (rule == 'x') {
                throw IpvsadmParser.usage("Illegal '" + opt.label + "' option with " + what.get());
            } else if (rule == '1') {
                if (exclusive != null) {
                    throw IpvsadmParser.usage("The option '" + opt.label + "' conflicts with the '" + exclusive.label + "' option in " + what.get());
                }
                exclusive = opt;
            }
        }
    }

}
