package io.netlink4j.ipvs;

import io.netlink4j.testing.Netns;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * A fresh network namespace for an IPVS test: loopback up and a dummy interface holding
 * 10.1.1.1/24 and 2001:db8:1::1/64, so destinations in those subnets are routable; plus a handle
 * on the namespace's IPVS. Closing deletes the namespace and everything in it.
 */
final class IpvsNamespace implements AutoCloseable {
    final Netns netns;
    final IpvsHandle ipvs;

    private IpvsNamespace(Netns netns, IpvsHandle ipvs) {
        this.netns = netns;
        this.ipvs = ipvs;
    }

    static IpvsNamespace create() {
        Netns ns = Netns.create("nl4j-ipvs");
        try {
            String n = ns.name();
            Netns.run("ip", "-n", n, "link", "set", "lo", "up");
            Netns.run("ip", "-n", n, "link", "add", "dummy0", "type", "dummy");
            Netns.run("ip", "-n", n, "link", "set", "dummy0", "multicast", "on");
            Netns.run("ip", "-n", n, "addr", "add", "10.1.1.1/24", "dev", "dummy0");
            Netns.run("ip", "-n", n, "addr", "add", "2001:db8:1::1/64", "dev", "dummy0", "nodad");
            Netns.run("ip", "-n", n, "link", "set", "dummy0", "up");
            return new IpvsNamespace(ns, IpvsHandle.open(ns.path()));
        } catch (RuntimeException e) {
            ns.close();
            throw e;
        }
    }

    /** Runs ipvsadm inside the namespace and returns its standard output. */
    String ipvsadm(String... args) {
        String[] cmd = new String[args.length + 1];
        cmd[0] = "ipvsadm";
        System.arraycopy(args, 0, cmd, 1, args.length);
        return netns.exec(cmd);
    }

    static InetAddress ip(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    @Override
    public void close() {
        try {
            ipvs.close();
        } finally {
            netns.close();
        }
    }
}
