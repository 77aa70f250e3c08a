// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.cli.ipvs;

/** The text of {@code netlink4j ipvs -h}. */
final class IpvsadmUsage {
    private IpvsadmUsage() {}

    static final String TEXT = """
            Usage:
              netlink4j ipvs -A|E virtual-service [-s scheduler] [-p [timeout]] [-M netmask] [--pe engine] [-b sched-flags] [-o]
              netlink4j ipvs -D virtual-service
              netlink4j ipvs -C
              netlink4j ipvs -R < rules
              netlink4j ipvs -S [-n]
              netlink4j ipvs -a|e virtual-service -r server-address [options]
              netlink4j ipvs -d virtual-service -r server-address
              netlink4j ipvs -L|l [virtual-service] [options] [--json]
              netlink4j ipvs -Z [virtual-service]
              netlink4j ipvs --set tcp tcpfin udp
              netlink4j ipvs --start-daemon {master|backup} [daemon-options]
              netlink4j ipvs --stop-daemon {master|backup}
              netlink4j ipvs -h | -v

            The arguments are ipvsadm's (version 1.31), with the same meaning, defaults and checks;
            listings and saved rules are byte for byte what ipvsadm prints. The command comes first.

            Commands:
              --add-service     -A        add a virtual service
              --edit-service    -E        change a virtual service
              --delete-service  -D        delete a virtual service
              --clear           -C        delete every virtual service
              --restore         -R        apply rules (as -S writes them) read from standard input
              --save            -S        write the table as rules to standard output
              --add-server      -a        add a real server to a virtual service
              --edit-server     -e        change a real server
              --delete-server   -d        remove a real server
              --list            -L|-l     list the table
              --zero            -Z        zero the counters of one or every service
              --set tcp tcpfin udp        set the connection timeouts (seconds, 0 = unchanged)
              --start-daemon state        start a connection sync daemon (master or backup)
              --stop-daemon state         stop a connection sync daemon
              --help            -h        this text
              --version         -v        the version

            virtual-service:
              --tcp-service|-t  host[:port]
              --udp-service|-u  host[:port]
              --sctp-service    host[:port]
              --fwmark-service|-f fwmark  a firewall mark greater than zero
              (IPv6 addresses as [addr]:port; ports may be names from /etc/services)

            Options:
              --ipv6         -6                the fwmark service is IPv6 (after -f)
              --scheduler    -s scheduler      rr, wrr, lc, wlc (the default), lblc, lblcr, dh, sh, sed, nq, fo, ovf, mh, twos
              --pe           engine            persistence engine, e.g. sip
              --persistent   -p [timeout]      persistent service (default timeout 360 seconds)
              --netmask      -M netmask        persistence granularity: a dotted mask, or a prefix length for IPv6
              --real-server  -r server-address host[:port]; without a port, the service's
              --gatewaying   -g                direct routing (the default)
              --ipip         -i                tunneling
              --masquerading -m                NAT
              --tun-type     type              ipip (the default), gue or gre
              --tun-port     port              tunnel destination port (gue)
              --tun-nocsum                     tunnel without checksum
              --tun-csum                       tunnel with checksum
              --tun-remcsum                    tunnel with remote checksum (gue)
              --weight       -w weight         the server's capacity, 0 to 2147483647 (default 1)
              --u-threshold  -x uthreshold     upper connection threshold
              --l-threshold  -y lthreshold     lower connection threshold
              --ops          -o                one-packet scheduling (UDP)
              --sched-flags  -b flags          scheduler flags, comma-separated: flag-1, flag-2, flag-3,
                                               sh-fallback, sh-port (sh), mh-fallback, mh-port (mh)
              --numeric      -n                numeric addresses and ports
              --timeout                        list the timeouts (tcp tcpfin udp)
              --daemon                         list the sync daemons
              --stats                          list counters
              --rate                           list rates
              --exact                          exact numbers (no K, M, G suffixes)
              --thresholds                     list thresholds
              --persistent-conn                list persistent connections
              --tun-info                       list tunnel details
              --nosort                         list in the kernel's order
              --sort                           sort (the default; for compatibility)

            Daemon options:
              --syncid sid                     sync id, 0-255 (default 0)
              --sync-maxlen length             largest sync message
              --mcast-interface interface      interface for the sync traffic (default eth0)
              --mcast-group address            IPv4 or IPv6 multicast group (default 224.0.0.81)
              --mcast-port port                UDP port (default 8848)
              --mcast-ttl ttl                  multicast TTL (default 1)

            netlink4j options:
              --json                           with -L: print the listing as JSON
              --netns NAME|PATH                work in another network namespace (NAME: /var/run/netns/NAME)

            Exit status: 0 on success, 2 for a usage error or when IPVS is missing or not permitted,
            255 for an unknown option or a request the kernel refused, 1 for other failures.
            """;
}
