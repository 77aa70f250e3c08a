// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.cli.ipvs;

import io.netlink4j.cli.CliException;
import io.netlink4j.cli.Failures;
import io.netlink4j.cli.ipvs.IpvsadmCommand.Format;
import io.netlink4j.ipvs.Config;
import io.netlink4j.ipvs.DaemonConfig;
import io.netlink4j.ipvs.Destination;
import io.netlink4j.ipvs.Info;
import io.netlink4j.ipvs.IpvsException;
import io.netlink4j.ipvs.NoSuchServiceException;
import io.netlink4j.ipvs.IpvsHandle;
import io.netlink4j.ipvs.Service;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** Carries out parsed ipvsadm commands on one IPVS handle, writing listings to {@code out}. */
final class IpvsadmRunner {
    private final IpvsHandle ipvs;
    private final PrintWriter out;

    IpvsadmRunner(IpvsHandle ipvs, PrintWriter out) {
        this.ipvs = ipvs;
        this.out = out;
    }

    /** Runs {@code c}; kernel refusals are thrown as {@link IpvsException}s. */
    void run(IpvsadmCommand c) {
        switch (c.command()) {
            case ADD_SERVICE -> ipvs.newService(c.service());
            case EDIT_SERVICE -> ipvs.updateService(c.service());
            case DEL_SERVICE -> ipvs.delService(c.service());
            case FLUSH -> ipvs.flush();
            case ADD_SERVER -> ipvs.newDestination(c.service(), c.destination());
            case EDIT_SERVER -> ipvs.updateDestination(c.service(), c.destination());
            case DELETE_SERVER -> ipvs.delDestination(c.service(), c.destination());
            case SET -> ipvs.setConfig(c.timeouts());
            case START_DAEMON -> ipvs.newDaemon(c.daemon());
            case STOP_DAEMON -> ipvs.delDaemon(c.daemonState());
            case ZERO -> {
                if (c.service() == null) {
                    ipvs.zero();
                } else {
                    ipvs.zero(c.service());
                }
            }
            case LIST -> list(c);
            case SAVE -> save(c);
            case RESTORE, HELP, VERSION -> throw new IllegalStateException(c.command() + " is not run on a handle");
        }
    }

    private void list(IpvsadmCommand c) {
        switch (c.listing()) {
            case TIMEOUTS -> {
                Config config = ipvs.getConfig();
                out.print(c.json() ? IpvsJson.timeouts(config) : IpvsadmText.timeouts(config));
            }
            case DAEMONS -> {
                List<DaemonConfig> daemons = ipvs.getDaemons();
                if (c.json()) {
                    out.print(IpvsJson.daemons(daemons));
                } else {
                    daemons.forEach(d -> out.print(IpvsadmText.daemon(d)));
                }
            }
            case SERVICE -> {
                Service s;
                try {
                    s = ipvs.getService(c.service());
                } catch (NoSuchServiceException e) {
                    throw new CliException(e.getMessage(), Failures.EXIT_FAILURE);
                }
                List<ListedService> entries = List.of(entry(s, c));
                print(c, null, entries, false);
            }
            case CONNECTIONS -> {
                if (c.json()) {
                    out.print(ConnectionText.json(ipvs.getConnections()));
                } else {
                    ConnectionText text = new ConnectionText(c.format().contains(IpvsadmCommand.Format.NUMERIC),
                            c.format().contains(IpvsadmCommand.Format.PERSISTENT_CONN));
                    out.print(text.title());
                    ipvs.forEachConnection(e -> out.print(text.line(e)));
                }
            }
            case ALL -> {
                Info info = ipvs.getInfo();
                print(c, info, entries(c), false);
            }
        }
    }

    private void save(IpvsadmCommand c) {
        print(c, null, entries(c), true);
    }

    private void print(IpvsadmCommand c, Info info, List<ListedService> entries, boolean rules) {
        if (c.json()) {
            out.print(IpvsJson.services(info, entries));
            return;
        }
        IpvsadmText text = new IpvsadmText(c.format(), rules);
        StringBuilder sb = new StringBuilder();
        if (info != null) {
            sb.append(IpvsadmText.header(info));
        }
        sb.append(text.title());
        out.print(sb);
        for (ListedService e : entries) {
            sb.setLength(0);
            text.service(sb, e.service(), e.destinations());
            out.print(sb);
        }
    }

    /**
     * Every service with its destinations, in ipvsadm's order unless --nosort. ipvsadm sorts the
     * kernel's order with a comparator that is not a total order for addresses 2^31 apart, so the
     * input must be the kernel's order too: the listings stream it ({@code forEach*}), as ipvsadm
     * reads it, rather than taking the library's sorted lists.
     */
    private List<ListedService> entries(IpvsadmCommand c) {
        List<Service> services = new ArrayList<>();
        ipvs.forEachService(services::add);
        if (!c.format().contains(Format.NOSORT)) {
            IpvsadmOrder.sort(services, IpvsadmOrder.SERVICES);
        }
        List<ListedService> entries = new ArrayList<>(services.size());
        for (Service s : services) {
            entries.add(entry(s, c));
        }
        return entries;
    }

    private ListedService entry(Service s, IpvsadmCommand c) {
        List<Destination> destinations = new ArrayList<>();
        ipvs.forEachDestination(s, destinations::add);
        if (!c.format().contains(Format.NOSORT)) {
            IpvsadmOrder.sort(destinations, IpvsadmOrder.DESTINATIONS);
        }
        return new ListedService(s, destinations);
    }
}
