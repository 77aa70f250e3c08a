// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.cli.ipvs;

import io.netlink4j.cli.Run;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The same command lines given to the real ipvsadm in one namespace and to netlink4j ipvs in
 * another: every line exits with the same code, and the two tables end up the same. The lines
 * cover every option, long and short spellings, ipvsadm's defaults and order-dependent parsing,
 * and its usage errors and kernel refusals.
 */
@Tag("kernel-vm")
class IpvsCommandsVmTest {
    static final String LINES = """
            -A -t 10.0.0.1:80
            -A -t 10.0.0.1:80
            -A -t 10.0.0.2:80 -s rr -p
            -A -t 10.0.0.3:80 -s rr -p60
            -A -t 10.0.0.4:80 --persistent=70 -M 255.255.255.0
            --add-service --tcp-service 10.0.0.5:80 --scheduler wrr --persistent 80 --netmask 255.255.0.0
            -A -t 10.0.0.6:80 -p 0
            -A -t 10.0.0.19:80 -p 60 -M 255.0.255.0
            -A -t 10.0.0.20:80 -p 60 -M 0.0.0.255
            -A -t 10.0.0.6:80 -p 2678401
            -A -t 10.0.0.6:80 -p rr
            -A -t 10.0.0.6:80 -p 2678400 -s sh -b sh-port,sh-fallback
            -A -t 10.0.0.7
            -A -t 10.0.0.7 -p
            -At 10.0.0.8:80
            -At10.0.0.9:80
            -A -t 10.0.0.10:80 -s nosuch
            -A -t 10.0.0.10:80 -s abcdefghijklmnopqrstuv
            -A -u 10.0.0.10:53 -o -s rr
            -A -t 10.0.0.11:80 -o
            -A -u 10.0.0.11:53 -b sh-port
            -A -u 10.0.0.11:53 -b flag-4
            -A -u 10.0.0.12:53 -s mh -b mh-port --ops
            -A -u 10.0.0.13:53 -s wrr --sched-flags flag-1,flag-2,flag-3
            -A -u 10.0.0.14:domain -s rr
            -A -t 10.0.0.14:http -s rr
            -A -u 10.0.0.15:http
            -A -u 10.0.0.15:nosuchport
            -A -t 10.0.0.15:65536
            -A -t 10.0.0.15:-1
            -A -t localhost:81
            -A -t 127.1:82
            -A -t 0x0a.0.0.16:83
            -A -t 012.0.0.17:84
            -A -t 10.0.0.18:+85
            -A -t [2001:db8::1]:80 -p 30 -M 64
            -A -M 64 -t [2001:db8::3]:80 -p 30
            -A -t [2001:db8::4]:80 -p 30 -M 129
            -A -t [::1]
            -A -t [fe80::1%lo]:80
            -A -t ::2 -p
            -A -t 2001:db8::5:80 -p
            -A -t [10.0.0.18]:80
            -A -t [::ffff:10.0.0.19]:80 -s rr
            -A -f 5 -s rr
            -A -f 6 -6 -p -M 48
            -A --fwmark-service 8 --ipv6 --persistent
            -A -6 -f 7
            -A -f 0
            -A -f 4294967296
            -A -f 12abc
            -A -f 4294967295 -s lc
            --add-service --sctp-service 10.0.0.19:99 -s lc
            -A -u 10.0.0.20:5060 -s rr -p 120 --pe sip -M 255.255.255.0
            -A -u 10.0.0.21:5060 --pe nosuch
            -E -t 10.0.0.1:80 -s wrr -p 100
            --edit-service -t 10.0.0.3:80 -s wlc
            -E -t 10.0.0.99:80
            -a -t 10.0.0.1:80 -r 10.1.1.2
            -a -t 10.0.0.1:80 -r 10.1.1.3:8080 -m -w 5
            -a -t 10.0.0.1:80 -r 10.1.1.4:8080 -g
            -a -t 10.0.0.1:80 -r 10.1.1.5:8080 -i --tun-type gue --tun-port 6080 --tun-csum
            -a -t 10.0.0.1:80 -r 10.1.1.6 -i --tun-type gre --tun-nocsum -w 0
            -a -t 10.0.0.1:80 -r 10.1.1.7 -i --tun-type gue
            -a -t 10.0.0.1:80 -r 10.1.1.7 --tun-type gre
            -a -t 10.0.0.1:80 -r 10.1.1.7 -i --tun-type gre --tun-remcsum
            -a -t 10.0.0.1:80 -r 10.1.1.7 -i --tun-type gue --tun-port 1 --tun-csum --tun-nocsum
            -a -t 10.0.0.1:80 -r 10.1.1.7 -i --tun-port 5
            -a -t 10.0.0.1:80 -r 10.1.1.7 -i --tun-type foo
            -a -t 10.0.0.1:80 -r 10.1.1.7 -m -w 2147483647 -x 2147483647 -y 1
            -a -t 10.0.0.1:80 -r 10.1.1.8 -m -w 2147483648
            -a -t 10.0.0.1:80 -r 10.1.1.8 -m -w -1
            -a -t 10.0.0.1:80 -r 10.1.1.8 -m -w +7
            -a -t 10.0.0.1:80 -r 10.1.1.9 -m -x 2147483648
            -a -t 10.0.0.1:80 -r 10.1.1.2
            -a -t 10.0.0.1:80 -r 10.1.1.10 -m -g
            -a -t 10.0.0.1:80 -r [2001:db8:1::5]:80 -m
            -a -t 10.0.0.1:80 -r [2001:db8:1::5] -i
            -a -r 10.1.1.11 -t 10.0.0.1:80 -m
            -a -t 10.0.0.99:80 -r 10.1.1.12
            -a -t 10.0.0.1:80
            -a -f 5 -r 10.1.1.13:0 -m
            -a -f 5 -r 10.1.1.14:8080 -g
            -a -f 6 -6 -r [2001:db8:1::6]:0 -m
            -a -f 6 -r [2001:db8:1::6]:0 -m
            -a -t 10.0.0.14:http -r 10.1.1.15:http-alt -m
            -a -t 10.0.0.1:80 -r 10.1.1.1 -g
            --add-server --tcp-service 10.0.0.5:80 --real-server 10.1.1.16:1 --masquerading --weight 4 --u-threshold 9 --l-threshold 2
            --edit-server --tcp-service 10.0.0.5:80 --real-server 10.1.1.16:1 --masquerading --weight 5
            --edit-server --tcp-service 10.0.0.5:80 --real-server 10.1.1.16:1 --gatewaying
            -e -t 10.0.0.1:80 -r 10.1.1.3:8080 -m -w 9 -x 10
            -e -t 10.0.0.1:80 -r 10.1.1.5:8080 -i --tun-type gue --tun-port 7000 --tun-remcsum
            -e -t 10.0.0.1:80 -r 10.1.1.99
            -d -t 10.0.0.1:80 -r 10.1.1.2
            -d -t 10.0.0.1:80 -r 10.1.1.2
            -d -t 10.0.0.1:80 -r 10.1.1.3 -w 3
            --delete-server -t 10.0.0.1:80 -r 10.1.1.6:80
            -D -t 10.0.0.2:80
            -D -t 10.0.0.2:80
            --delete-service --tcp-service 10.0.0.3:80
            -D -t 10.0.0.4:80 -s rr
            -Z
            -Z -t 10.0.0.1:80
            --zero --fwmark-service 5
            -Z -t 10.0.0.99:80
            -C -n
            --set 1 2
            --set 1 2 3 4
            --set 10 20 x
            --set 10 20 30
            --set 0 0 0
            --start-daemon foo
            --start-daemon master --mcast-interface dummy0 --syncid 7
            --start-daemon master --mcast-interface dummy0
            --start-daemon backup --mcast-interface dummy0 --syncid 300
            --start-daemon backup --mcast-interface dummy0 --syncid 3 --mcast-group 239.1.2.3 --mcast-port 9000 --mcast-ttl 5 --sync-maxlen 1000
            --stop-daemon backup
            --stop-daemon backup
            --start-daemon backup --mcast-interface dummy0 --mcast-group 10.0.0.1
            --start-daemon backup --mcast-interface dummy0 --mcast-port 0
            -L -c --stats
            -L --daemon --timeout
            -L foo
            -L -n -- foo
            -Lnq
            --list --numeric --foo
            --numeric=1 -L
            -t 10.0.0.1:80 -A
            -nL
            -A
            -A -t 10.0.0.1:80 -A
            -A -t 10.0.0.1:80 -t 10.0.0.2:80
            -A -t
            -S -n -t 10.0.0.1:80
            -S --stats
            -R -n
            """;

    static IpvsNamespaces theirs;
    static IpvsNamespaces ours;

    @BeforeAll
    static void setUp() {
        theirs = IpvsNamespaces.create();
        ours = IpvsNamespaces.create();
    }

    @AfterAll
    static void tearDown() {
        theirs.close();
        ours.close();
    }

    @Test
    void sameExitCodesAndSameTable() {
        List<List<String>> lines = new ArrayList<>(LINES.lines().map(l -> List.of(l.split(" "))).toList());
        List<Run> ipvsadm = theirs.ipvsadmAll(lines);
        for (int i = 0; i < lines.size(); i++) {
            String[] args = lines.get(i).toArray(String[]::new);
            Run ipvsadmRun = ipvsadm.get(i);
            Run ourRun = ours.ours(args);
            assertEquals(ipvsadmRun.exitCode(), ourRun.exitCode(), () -> "exit code of " + String.join(" ", args) + "\nours: " + ourRun);
        }
        List<List<String>> listings = List.of(List.of("-S", "-n"), List.of("-Ln", "--tun-info"), List.of("-Ln", "--thresholds"),
                List.of("-L", "--timeout"), List.of("-L", "--daemon"));
        List<Run> theirTables = theirs.ipvsadmAll(listings);
        List<Run> ourTables = ours.ipvsadmAll(listings);
        for (int i = 0; i < listings.size(); i++) {
            assertEquals(theirTables.get(i).out(), ourTables.get(i).out(), "ipvsadm " + String.join(" ", listings.get(i)));
        }
        theirs.ipvsadmOk("--stop-daemon", "master");
        ours.ipvsadmOk("--stop-daemon", "master");
    }
}
