// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ipvs.testsupport;

import io.netlink4j.ipvs.ForwardingMethod;
import io.netlink4j.ipvs.IpvsHandle;
import io.netlink4j.route.AddressSpec;
import io.netlink4j.route.LinkChange;
import io.netlink4j.route.RouteHandle;
import io.netlink4j.route.RouteSpec;
import io.netlink4j.testsupport.Netns;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Real traffic through IPVS, for tests in the IPVS VM (needs root, veth and busybox): a director
 * namespace holding the virtual address and an {@link IpvsHandle} on its IPVS, real servers each in
 * a namespace of its own behind a veth pair, and two clients: this JVM itself (the VM's own
 * namespace, linked to the director by a veth pair) and a client namespace (likewise).
 *
 * <pre>
 *   VM (this JVM) 172.31.I.1 ──veth── 172.31.I.2  director  (VIP 198.18.I.10 on lo)
 *   client ns     172.30.I.1 ──veth── 172.30.I.2     │
 *   server s      10.(100+I).s.2 ──veth── 10.(100+I).s.1
 * </pre>
 * (I is a per-rig number, so that rigs alive at once do not collide.) Every real server runs
 * busybox httpd on port {@value #HTTP_PORT}, answering {@code GET /} with its name ("s0", "s1",
 * ...), and on port {@value #HOLD_PORT} a busybox nc server that greets each connection with its
 * name and then echoes until the client closes: connections held open as long as a test likes.
 * Clients' packets reach the director routed to the VIP; the servers' default route is the
 * director, so NAT forwarding works as created. {@link #enable(ForwardingMethod)} sets the servers
 * up for direct routing (VIP on their loopback) or IP-in-IP tunnelling (VIP on tunl0) as well;
 * their replies then reach the clients through the director's plain forwarding.
 * Closing kills every process in the rig's namespaces and deletes them.
 */
public final class TrafficRig implements AutoCloseable {
    /** The servers' HTTP port: one short connection per request. */
    public static final int HTTP_PORT = 80;
    /** The servers' greeting echo port: connections stay open until the client closes them. */
    public static final int HOLD_PORT = 7;

    private static final AtomicInteger RIGS = new AtomicInteger();
    private static final int TIMEOUT_MILLIS = 10_000;

    /** One real server: its name (what it answers), namespace and address. */
    public record RealServer(String name, Netns netns, InetAddress address) {
    }

    private final int index;
    private final Netns director;
    private final Netns client;
    private final List<RealServer> servers;
    private final Path files;
    private final IpvsHandle ipvs;
    private final List<Netns> all;

    private TrafficRig(int index, Netns director, Netns client, List<RealServer> servers, Path files, IpvsHandle ipvs) {
        this.index = index;
        this.director = director;
        this.client = client;
        this.servers = List.copyOf(servers);
        this.files = files;
        this.ipvs = ipvs;
        List<Netns> list = new ArrayList<>(List.of(director, client));
        servers.forEach(s -> list.add(s.netns()));
        this.all = List.copyOf(list);
    }

    private static TrafficRig shared;

    /**
     * One rig of 3 servers for every test class of this JVM that asks (setting one up costs
     * seconds in the emulated VM), made on first use and closed when the JVM exits. Its users
     * leave IPVS empty after each test ({@code ipvs().flush()}) and use a service port of their own.
     */
    public static synchronized TrafficRig shared() {
        if (shared == null) {
            TrafficRig rig = create(3);
            Runtime.getRuntime().addShutdownHook(new Thread(rig::close, "traffic-rig-close"));
            shared = rig;
        }
        return shared;
    }

    /** A rig with {@code serverCount} real servers (1-50), serving and routed, IPVS empty. */
    public static TrafficRig create(int serverCount) {
        if (serverCount < 1 || serverCount > 50) {
            throw new IllegalArgumentException("serverCount: " + serverCount + " (expected: 1-50)");
        }
        int i = RIGS.getAndIncrement() % 100;
        List<Netns> made = new ArrayList<>();
        Path files = null;
        try {
            Netns director = track(made, Netns.create("nl4j-lb"));
            Netns client = track(made, Netns.create("nl4j-cl"));
            List<RealServer> servers = new ArrayList<>();
            for (int s = 0; s < serverCount; s++) {
                servers.add(new RealServer("s" + s, track(made, Netns.create("nl4j-rs" + s)), ip("10." + (100 + i) + "." + s + ".2")));
            }
            files = Files.createTempDirectory("nl4j-traffic");
            String lb = director.name();
            String cl = client.name();
            String rootIf = "nl4jt" + i;
            String vip = "198.18." + i + ".10";
            String servNet = "10." + (100 + i);
            // Every process costs about a second in the emulated VM: the links are made by one
            // `ip -batch`, the daemons started by one shell per server, the rest is configured
            // in-process through rtnetlink.
            StringBuilder links = new StringBuilder();
            links.append("link add ").append(rootIf).append(" type veth peer name vm0 netns ").append(lb).append('\n');
            links.append("link add cl0 netns ").append(lb).append(" type veth peer name eth0 netns ").append(cl).append('\n');
            StringBuilder sh = new StringBuilder("set -e\n");
            for (int s = 0; s < serverCount; s++) {
                RealServer rs = servers.get(s);
                String ns = rs.netns().name();
                Path home = Files.createDirectories(files.resolve(rs.name()));
                Files.writeString(home.resolve("index.html"), rs.name() + "\n");
                Path greet = home.resolve("greet");
                Files.writeString(greet, "#!/bin/sh\necho " + rs.name() + "\nexec cat\n");
                Files.setPosixFilePermissions(greet, PosixFilePermissions.fromString("rwxr-xr-x"));
                links.append("link add rs").append(s).append(" netns ").append(lb).append(" type veth peer name eth0 netns ").append(ns).append('\n');
                // httpd binds before it detaches; nc is started in the background.
                sh.append("ip netns exec ").append(ns).append(" sh -c 'busybox httpd -p ").append(HTTP_PORT).append(" -h ")
                        .append(home).append("; setsid busybox nc -ll -p ").append(HOLD_PORT).append(" -e ").append(greet)
                        .append(" &' </dev/null >/dev/null 2>&1\n");
            }
            links.append("link set ").append(rootIf).append(" up\n");
            links.append("addr add 172.31.").append(i).append(".1/24 dev ").append(rootIf).append('\n');
            links.append("route replace ").append(vip).append("/32 via 172.31.").append(i).append(".2\n");
            links.append("route replace ").append(servNet).append(".0.0/16 via 172.31.").append(i).append(".2\n");
            sh.insert(0, "ip link del " + rootIf + " 2>/dev/null || true\nip -batch - <<'EOF'\n" + links + "EOF\n"
                    + "ip netns exec " + lb + " sh -c 'cd /proc/sys/net/ipv4; echo 1 >ip_forward; echo 1 >conf/all/accept_local;"
                    + " echo 1 >conf/default/accept_local; echo 1 >conf/vm0/accept_local; echo 1 >conf/cl0/accept_local;"
                    + " for f in conf/rs*/accept_local; do echo 1 >$f; done'\n");
            Netns.run("sh", "-c", sh.toString());
            try (RouteHandle route = RouteHandle.open(director.path())) {
                up(route, "lo");
                route.newAddress("lo", AddressSpec.of(ip(vip), 32));
                route.newAddress("vm0", AddressSpec.of(ip("172.31." + i + ".2"), 24));
                up(route, "vm0");
                route.newAddress("cl0", AddressSpec.of(ip("172.30." + i + ".2"), 24));
                up(route, "cl0");
                for (int s = 0; s < serverCount; s++) {
                    route.newAddress("rs" + s, AddressSpec.of(ip(servNet + "." + s + ".1"), 24));
                    up(route, "rs" + s);
                }
            }
            configure(client.path(), ip("172.30." + i + ".1"), ip("172.30." + i + ".2"));
            for (int s = 0; s < serverCount; s++) {
                configure(servers.get(s).netns().path(), ip(servNet + "." + s + ".2"), ip(servNet + "." + s + ".1"));
            }
            for (RealServer rs : servers) {
                awaitListening(rs);
            }
            IpvsHandle handle = IpvsHandle.open(director.path());
            return new TrafficRig(i, director, client, servers, files, handle);
        } catch (IOException e) {
            destroy(made, files);
            throw new UncheckedIOException(e);
        } catch (RuntimeException | Error e) {
            destroy(made, files);
            throw e;
        }
    }

    private static Netns track(List<Netns> made, Netns ns) {
        made.add(ns);
        return ns;
    }

    private static void up(RouteHandle route, String link) {
        route.updateLink(LinkChange.builder(link).up(true).build());
    }

    /** lo and eth0 up, {@code address}/24 on eth0, the default route through {@code gateway}. */
    private static void configure(Path netns, InetAddress address, InetAddress gateway) {
        try (RouteHandle route = RouteHandle.open(netns)) {
            up(route, "lo");
            route.newAddress("eth0", AddressSpec.of(address, 24));
            up(route, "eth0");
            route.newRoute(RouteSpec.builder(ip("0.0.0.0"), 0).gateway(gateway).build());
        }
    }

    /** Waits (10 s at most) until the server answers on both ports, straight from this JVM. */
    private static void awaitListening(RealServer rs) {
        long deadline = System.nanoTime() + TIMEOUT_MILLIS * 1_000_000L;
        for (int port : new int[] {HOLD_PORT, HTTP_PORT}) {
            while (true) {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress(rs.address(), port), TIMEOUT_MILLIS);
                    break;
                } catch (IOException e) {
                    if (System.nanoTime() > deadline) {
                        throw new UncheckedIOException(rs.name() + " does not listen on " + rs.address().getHostAddress() + ":" + port, e);
                    }
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException ie) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted", ie);
                    }
                }
            }
        }
    }

    /**
     * Sets the real servers up to accept packets that {@code method} delivers: nothing for
     * masquerading; the VIP on their loopback for direct routing; the ipip module, tunl0 up and the
     * VIP on it for tunnelling.
     */
    public void enable(ForwardingMethod method) {
        Objects.requireNonNull(method, "method");
        String link;
        if (method.equals(ForwardingMethod.DIRECT_ROUTE)) {
            link = "lo";
        } else if (method.equals(ForwardingMethod.TUNNEL)) {
            link = "tunl0";
            // Loading ipip gives every namespace its fallback device tunl0.
            Netns.run("sh", "-c", "[ -d /sys/module/ipip ] || modprobe ipip");
        } else if (method.equals(ForwardingMethod.MASQUERADE)) {
            return;
        } else {
            throw new IllegalArgumentException("method: " + method + " (expected: MASQUERADE, DIRECT_ROUTE, TUNNEL)");
        }
        for (RealServer rs : servers) {
            try (RouteHandle route = RouteHandle.open(rs.netns().path())) {
                up(route, link);
                boolean present = route.getAddresses(link).stream().anyMatch(a -> a.address().equals(java.util.Optional.of(vip())));
                if (!present) {
                    route.newAddress(link, AddressSpec.of(vip(), 32));
                }
            }
        }
    }

    /** The handle on the director's IPVS (closed with the rig). */
    public IpvsHandle ipvs() {
        return ipvs;
    }

    /** The director's namespace, where IPVS runs. */
    public Netns director() {
        return director;
    }

    /** The client namespace. */
    public Netns client() {
        return client;
    }

    /** The virtual address, local to the director and routed to it from both clients. */
    public InetAddress vip() {
        return ip("198.18." + index + ".10");
    }

    /** This JVM's address as the real servers see it (NAT) on the link to the director. */
    public InetAddress vmAddress() {
        return ip("172.31." + index + ".1");
    }

    /** The client namespace's address. */
    public InetAddress clientAddress() {
        return ip("172.30." + index + ".1");
    }

    /** The real servers, s0 first. */
    public List<RealServer> servers() {
        return servers;
    }

    /** Real server number {@code i}. */
    public RealServer server(int i) {
        return servers.get(i);
    }

    /** {@code ipvsadm ARGS} in the director's namespace; its standard output. */
    public String ipvsadm(String... args) {
        String[] cmd = new String[args.length + 1];
        cmd[0] = "ipvsadm";
        System.arraycopy(args, 0, cmd, 1, args.length);
        return director.exec(cmd);
    }

    /**
     * {@code n} HTTP requests from this JVM to the VIP's {@value #HTTP_PORT}, one connection
     * each, one after the other: how many each server answered, by name (servers that answered
     * none are absent). A connection that fails fails the call.
     */
    public Map<String, Integer> request(int n) {
        return request(n, HTTP_PORT);
    }

    /** Like {@link #request(int)}, to the VIP's {@code port} (which must lead to the servers' HTTP port). */
    public Map<String, Integer> request(int n, int port) {
        Map<String, Integer> answered = new TreeMap<>();
        for (int k = 0; k < n; k++) {
            try (Socket socket = connect(port)) {
                OutputStream out = socket.getOutputStream();
                out.write("GET / HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
                answered.merge(body(response), 1, Integer::sum);
            } catch (IOException e) {
                throw new UncheckedIOException("request " + (k + 1) + " of " + n + " to " + vip().getHostAddress() + ":" + port, e);
            }
        }
        return answered;
    }

    /**
     * {@code n} HTTP requests from the client namespace (busybox nc, one connection each, in one
     * shell): how many each server answered, by name.
     */
    public Map<String, Integer> requestFromClientNamespace(int n) {
        String out = client.exec("sh", "-c", "i=0; while [ $i -lt " + n + " ]; do printf 'GET / HTTP/1.0\\r\\n\\r\\n' | busybox nc "
                + vip().getHostAddress() + " " + HTTP_PORT + " || exit 1; i=$((i+1)); done");
        Map<String, Integer> answered = new TreeMap<>();
        // The bodies are the servers' names; the headers never equal one.
        out.lines().map(String::strip).filter(l -> servers.stream().anyMatch(s -> s.name().equals(l)))
                .forEach(l -> answered.merge(l, 1, Integer::sum));
        int total = answered.values().stream().mapToInt(Integer::intValue).sum();
        if (total != n) {
            throw new IllegalStateException(n + " requests, " + total + " answers: " + out);
        }
        return answered;
    }

    /**
     * Opens a connection from this JVM to the VIP's {@code port} (leading to the servers'
     * {@value #HOLD_PORT}) and reads the greeting: the connection stays established until closed.
     */
    public HeldConnection hold(int port) {
        Socket socket = null;
        try {
            socket = connect(port);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            String name = in.readLine();
            if (name == null) {
                throw new IOException("closed before the greeting");
            }
            return new HeldConnection(socket, in, name.strip());
        } catch (IOException e) {
            closeQuietly(socket);
            throw new UncheckedIOException("hold a connection to " + vip().getHostAddress() + ":" + port, e);
        }
    }

    /** {@code k} connections held open (see {@link #hold(int)}), in the order they were opened. */
    public List<HeldConnection> hold(int k, int port) {
        List<HeldConnection> held = new ArrayList<>();
        try {
            for (int j = 0; j < k; j++) {
                held.add(hold(port));
            }
            return Collections.unmodifiableList(held);
        } catch (RuntimeException e) {
            held.forEach(HeldConnection::close);
            throw e;
        }
    }

    /** How many of {@code held} each server took, by name. */
    public static Map<String, Integer> byServer(List<HeldConnection> held) {
        Map<String, Integer> count = new TreeMap<>();
        held.forEach(h -> count.merge(h.server(), 1, Integer::sum));
        return count;
    }

    private Socket connect(int port) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setSoTimeout(TIMEOUT_MILLIS);
            socket.connect(new InetSocketAddress(vip(), port), TIMEOUT_MILLIS);
            return socket;
        } catch (IOException e) {
            closeQuietly(socket);
            throw e;
        }
    }

    private static String body(String response) {
        int at = response.indexOf("\r\n\r\n");
        if (!response.startsWith("HTTP/1.") || at < 0) {
            throw new IllegalStateException("not an HTTP response: " + response);
        }
        return response.substring(at + 4).strip();
    }

    /** A connection held open through the VIP; closing it closes the socket (a FIN to the server). */
    public static final class HeldConnection implements AutoCloseable {
        private final Socket socket;
        private final BufferedReader in;
        private final String server;

        HeldConnection(Socket socket, BufferedReader in, String server) {
            this.socket = socket;
            this.in = in;
            this.server = server;
        }

        /** The name of the real server that took the connection. */
        public String server() {
            return server;
        }

        /** Sends a line and reads the echo: proves the connection still carries data. */
        public String echo(String line) {
            try {
                socket.getOutputStream().write((line + "\n").getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                return in.readLine();
            } catch (IOException e) {
                throw new UncheckedIOException("echo through the connection to " + server, e);
            }
        }

        @Override
        public void close() {
            closeQuietly(socket);
        }
    }

    private static void closeQuietly(Socket socket) {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing: nothing to do
            }
        }
    }

    static InetAddress ip(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    private static void destroy(List<Netns> namespaces, Path files) {
        RuntimeException failure = null;
        if (!namespaces.isEmpty()) {
            StringBuilder sh = new StringBuilder();
            for (Netns ns : namespaces) {
                sh.append("for p in $(ip netns pids ").append(ns.name()).append("); do kill -9 $p 2>/dev/null; done\n");
            }
            sh.append("ip -batch - <<'EOF'\n");
            namespaces.forEach(ns -> sh.append("netns del ").append(ns.name()).append('\n'));
            sh.append("EOF\n");
            try {
                Netns.run("sh", "-c", sh.toString());
            } catch (RuntimeException e) {
                failure = e;
            }
        }
        if (files != null) {
            try (var paths = Files.walk(files)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temporary directory in the VM's memory
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public void close() {
        try {
            ipvs.close();
        } finally {
            // The VM's end of the veth pair, and the routes through it, go with the director.
            destroy(all, files);
        }
    }
}
