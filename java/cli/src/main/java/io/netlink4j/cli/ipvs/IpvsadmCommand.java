// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.cli.ipvs;

import io.netlink4j.ipvs.Config;
import io.netlink4j.ipvs.DaemonConfig;
import io.netlink4j.ipvs.Destination;
import io.netlink4j.ipvs.Service;

import java.util.Set;

/**
 * One ipvsadm command line, parsed and checked as ipvsadm checks it: the command and the values
 * it applies to. Only the fields the command uses are set; the others are null.
 *
 * @param command     what to do
 * @param listing     for {@link Command#LIST}: what to list
 * @param service     the virtual service given with -t, -u, --sctp-service or -f
 * @param destination the real server given with -r
 * @param timeouts    for {@link Command#SET}
 * @param daemon      for {@link Command#START_DAEMON}
 * @param daemonState for {@link Command#STOP_DAEMON}
 * @param format      listing and saving options
 * @param json        list as JSON instead of ipvsadm's text
 * @param netns       the network namespace given with --netns, or null
 */
record IpvsadmCommand(Command command, Listing listing, Service service, Destination destination, Config timeouts,
                      DaemonConfig daemon, DaemonConfig.State daemonState, Set<Format> format, boolean json, String netns) {

    /** ipvsadm's commands, with the names its messages use. */
    enum Command {
        ADD_SERVICE("add-service"),
        EDIT_SERVICE("edit-service"),
        DEL_SERVICE("delete-service"),
        FLUSH("flush"),
        LIST("list"),
        ADD_SERVER("add-server"),
        DELETE_SERVER("delete-server"),
        EDIT_SERVER("edit-server"),
        SET("set"),
        START_DAEMON("start-daemon"),
        STOP_DAEMON("stop-daemon"),
        RESTORE("restore"),
        SAVE("save"),
        ZERO("zero"),
        HELP("help"),
        VERSION("version");

        private final String label;

        Command(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    /** What -L lists. */
    enum Listing {
        ALL,
        SERVICE,
        TIMEOUTS,
        DAEMONS,
        CONNECTIONS
    }

    /** ipvsadm's output format options. */
    enum Format {
        NUMERIC,
        STATS,
        RATE,
        THRESHOLDS,
        PERSISTENT_CONN,
        NOSORT,
        EXACT,
        TUN_INFO
    }
}
