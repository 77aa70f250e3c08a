// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.cli.ipvs;

import io.netlink4j.cli.CliException;
import io.netlink4j.cli.Failures;
import io.netlink4j.cli.Main;
import io.netlink4j.cli.Namespaces;
import io.netlink4j.cli.json.JsonWriter;
import io.netlink4j.ipvs.IpvsHandle;
import io.netlink4j.ipvs.IpvsSysctl;
import io.netlink4j.ipvs.IpvsSysctlValue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code netlink4j ipvs sysctl [NAME[=VALUE]...]}: shows the net.ipv4.vs.* settings of the
 * namespace (all of them in name order, or those named) and sets those given a value, printing
 * each as sysctl(8) does ({@code net.ipv4.vs.NAME = VALUE}).
 */
@Command(name = "sysctl", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = {"Show or set IPVS's sysctl settings (net.ipv4.vs.*) of the namespace, as sysctl(8) does.",
                "Without NAME every setting the kernel has, in name order; NAME=VALUE sets one (values are checked against"
                        + " the range the kernel documents) and prints its new value."})
public final class IpvsSysctlCli implements Callable<Integer> {
    private static final String COMMAND = "netlink4j ipvs sysctl";

    @Parameters(arity = "0..*", paramLabel = "NAME[=VALUE]",
            description = "A setting (conntrack or net.ipv4.vs.conntrack), with =VALUE to set it.")
    List<String> settings = new ArrayList<>();

    @Option(names = {"-n", "--values"}, description = "Print values only, as sysctl -n.")
    boolean valuesOnly;

    @Option(names = "--json", description = "Print a JSON array: name, value, type and allowed values of each setting.")
    boolean json;

    private final Main main;

    public IpvsSysctlCli(Main main) {
        this.main = main;
    }

    @Override
    public Integer call() {
        List<IpvsSysctlValue> toSet = new ArrayList<>();
        List<IpvsSysctl> named = new ArrayList<>();
        for (String s : settings) {
            int eq = s.indexOf('=');
            try {
                IpvsSysctl sysctl = IpvsSysctl.parse(eq < 0 ? s : s.substring(0, eq));
                if (eq >= 0) {
                    toSet.add(IpvsSysctlValue.of(sysctl, s.substring(eq + 1)));
                }
                named.add(sysctl);
            } catch (IllegalArgumentException e) {
                throw new CliException(e.getMessage(), Failures.EXIT_USAGE, COMMAND);
            }
        }
        try (IpvsHandle ipvs = IpvsHandle.open(Namespaces.options(IpvsHandle.defaultOptions(), main.netns()))) {
            for (IpvsSysctlValue v : toSet) {
                ipvs.setSysctl(v);
            }
            List<IpvsSysctlValue> shown = new ArrayList<>();
            if (named.isEmpty()) {
                shown.addAll(ipvs.getSysctls().values());
            } else {
                for (IpvsSysctl s : named) {
                    shown.add(ipvs.getSysctl(s));
                }
            }
            main.io().out().print(json ? json(shown) : text(shown, valuesOnly));
        }
        return 0;
    }

    /** One line per value: {@code net.ipv4.vs.NAME = VALUE}, or the value alone. */
    static String text(List<IpvsSysctlValue> values, boolean valuesOnly) {
        StringBuilder sb = new StringBuilder();
        for (IpvsSysctlValue v : values) {
            sb.append(valuesOnly ? v.text() : v.toString()).append('\n');
        }
        return sb.toString();
    }

    static String json(List<IpvsSysctlValue> values) {
        StringBuilder sb = new StringBuilder();
        JsonWriter w = new JsonWriter(sb).beginArray();
        for (IpvsSysctlValue v : values) {
            IpvsSysctl s = v.sysctl();
            w.beginObject().name("name").value(s.fullName()).name("value").value(v.text())
                    .name("type").value(s.type().name().toLowerCase(java.util.Locale.ROOT))
                    .name("allowed").value(s.range()).endObject();
        }
        w.endArray();
        return sb.append('\n').toString();
    }
}
