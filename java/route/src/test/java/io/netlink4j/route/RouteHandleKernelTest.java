// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.route;

import io.netlink4j.AddressFamily;
import io.netlink4j.Errno;
import io.netlink4j.NetlinkErrnoException;
import io.netlink4j.engine.NetlinkOptions;
import io.netlink4j.testsupport.Netns;
import io.netlink4j.testsupport.NetnsExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Links and addresses against the host's kernel, each test in a fresh network namespace (veth is
 * available on the host, dummy is not), checked against what iproute2 reports.
 */
@Tag("kernel")
class RouteHandleKernelTest {
    @RegisterExtension
    final NetnsExtension<RouteHandle> netns = new NetnsExtension<>("nl4j-route", RouteHandle::open);
    Netns ns;
    RouteHandle route;

    @BeforeEach
    void setUp() {
        ns = netns.netns();
        route = netns.handle();
    }

    static InetAddress ip(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    static Address find(List<Address> addresses, String address) {
        return addresses.stream().filter(a -> a.address().equals(Optional.of(ip(address)))).findFirst()
                .orElseThrow(() -> new AssertionError(address + " not in " + addresses));
    }

    @Test
    void vethPairWithAddressesReadsBack() {
        route.newLink(LinkSpec.veth("veth0", "veth1"));
        Link v0 = route.getLink("veth0");
        Link v1 = route.getLink("veth1");
        assertEquals(LinkKind.VETH, v0.kind().orElseThrow());
        assertEquals(LinkKind.VETH, v1.kind().orElseThrow());
        assertEquals(v1.index(), v0.parentIndex(), "a veth's IFLA_LINK is its peer");
        assertEquals(v0.index(), v1.parentIndex());
        assertEquals(-1, v0.linkNetnsId());
        assertEquals(LinkType.ETHER, v0.type());
        assertEquals(6, v0.address().orElseThrow().length());
        assertEquals(v0, route.getLink(v0.index()));
        assertFalse(v0.isUp());

        route.newAddress("veth0", AddressSpec.of(ip("10.20.0.1"), 24));
        route.newAddress("veth0", AddressSpec.builder(ip("10.20.0.2"), 24).label("veth0:web").broadcast(ip("10.20.0.255")).build());
        route.newAddress("veth0", AddressSpec.builder(ip("2001:db8:20::1"), 64).flags(AddressFlags.NODAD).build());
        route.newAddress(v1.index(), AddressSpec.builder(ip("10.30.0.1"), 32).peer(ip("10.30.0.2")).scope(AddressScope.LINK).build());
        route.newAddress("veth1", AddressSpec.builder(ip("2001:db8:30::1"), 64)
                .flags(AddressFlags.NODAD | AddressFlags.NOPREFIXROUTE).build());

        List<Address> on0 = route.getAddresses("veth0");
        Address a = find(on0, "10.20.0.1");
        assertEquals(AddressFamily.INET, a.addressFamily());
        assertEquals(24, a.prefixLength());
        assertEquals(AddressScope.UNIVERSE, a.scope());
        assertEquals("veth0", a.label().orElseThrow());
        assertEquals(v0.index(), a.linkIndex());
        assertTrue(a.peer().isEmpty());
        assertEquals(Address.FOREVER, a.cacheInfo().orElseThrow().validLifetime());
        Address secondary = find(on0, "10.20.0.2");
        assertEquals("veth0:web", secondary.label().orElseThrow());
        assertEquals(ip("10.20.0.255"), secondary.broadcast().orElseThrow());
        assertTrue((secondary.flags() & AddressFlags.SECONDARY) != 0, "second address in the subnet is secondary");
        Address v6 = find(on0, "2001:db8:20::1");
        assertEquals(AddressFamily.INET6, v6.addressFamily());
        assertEquals(64, v6.prefixLength());
        assertTrue((v6.flags() & AddressFlags.NODAD) != 0, v6.toString());
        assertTrue(on0.stream().allMatch(x -> x.linkIndex() == v0.index()), "the dump is filtered by link");

        List<Address> on1 = route.getAddresses("veth1");
        Address p2p = find(on1, "10.30.0.1");
        assertEquals(ip("10.30.0.2"), p2p.peer().orElseThrow());
        assertEquals(AddressScope.LINK, p2p.scope());
        Address noPrefixRoute = find(on1, "2001:db8:30::1");
        assertTrue((noPrefixRoute.flags() & AddressFlags.NOPREFIXROUTE) != 0, "flags above 8 bits travel in IFA_FLAGS");

        List<Address> all = route.getAddresses();
        assertTrue(all.containsAll(on0) && all.containsAll(on1));
    }

    @Test
    void linkAndAddressDumpsEqualIproute2() {
        route.newLink(LinkSpec.veth("veth0", "veth1"));
        route.newLink(LinkSpec.builder().name("veth2").kind(LinkKind.VETH).peerName("veth3").mtu(9000)
                .address(HardwareAddress.parse("02:00:00:00:00:02")).up(true).build());
        route.updateLink(LinkChange.builder("veth3").up(true).build());
        route.newAddress("veth0", AddressSpec.of(ip("10.20.0.1"), 24));
        route.newAddress("veth0", AddressSpec.builder(ip("10.20.0.2"), 24).label("veth0:a").build());
        route.newAddress("veth2", AddressSpec.builder(ip("10.40.0.1"), 32).peer(ip("10.40.0.2")).broadcast(ip("10.40.0.255")).build());
        route.newAddress("veth2", AddressSpec.builder(ip("2001:db8:40::1"), 64).flags(AddressFlags.NODAD).build());
        route.updateLink(LinkChange.builder("veth0").up(true).build());
        route.updateLink(LinkChange.builder("veth1").up(true).build());
        route.updateLink(LinkChange.builder("lo").up(true).build());

        for (int attempt = 1; ; attempt++) {
            Map<Long, Map<String, Object>> before = Iproute2.links(ns);
            Map<Long, List<Map<String, Object>>> addrBefore = Iproute2.addresses(ns);
            List<Link> links = route.getLinks();
            List<Address> addresses = route.getAddresses();
            Map<Long, Map<String, Object>> after = Iproute2.links(ns);
            Map<Long, List<Map<String, Object>>> addrAfter = Iproute2.addresses(ns);
            if ((!before.equals(after) || !addrBefore.equals(addrAfter)) && attempt < 20) {
                sleep(100); // links still settling (carrier, IPv6 link-local addresses)
                continue;
            }
            assertEquals(after, Iproute2.links(links));
            assertEquals(addrAfter, Iproute2.addresses(links, addresses));
            assertEquals(5, links.size(), links.toString());
            return;
        }
    }

    @Test
    void changesStateMtuNameAndAddress() {
        route.newLink(LinkSpec.veth("veth0", "veth1"));
        route.updateLink(LinkChange.builder("veth0").mtu(1400).build());
        assertEquals(1400, route.getLink("veth0").mtu());
        route.updateLink(LinkChange.builder("veth0").name("uplink").build());
        Link renamed = route.getLink("uplink");
        assertEquals(1400, renamed.mtu());
        assertThrows(NoSuchLinkException.class, () -> route.getLink("veth0"));
        route.updateLink(LinkChange.builder(renamed.index()).up(true).mtu(1300).address(HardwareAddress.parse("02:12:34:56:78:9a")).build());
        Link changed = route.getLink(renamed.index());
        assertTrue(changed.isUp());
        assertEquals(1300, changed.mtu());
        assertEquals("02:12:34:56:78:9a", changed.address().orElseThrow().toString());
        route.updateLink(LinkChange.builder("uplink").up(false).build());
        assertFalse(route.getLink("uplink").isUp());
        route.updateLink(LinkChange.builder(renamed.index()).name("wan0").build());
        assertEquals("wan0", route.getLink(renamed.index()).name());
    }

    @Test
    void deletesLinksAndAddresses() {
        route.newLink(LinkSpec.veth("veth0", "veth1"));
        route.newAddress("veth0", AddressSpec.of(ip("10.20.0.1"), 24));
        route.newAddress("veth0", AddressSpec.builder(ip("2001:db8::1"), 64).flags(AddressFlags.NODAD).build());
        route.delAddress("veth0", AddressSpec.of(ip("10.20.0.1"), 24));
        Address v6 = find(route.getAddresses("veth0"), "2001:db8::1");
        route.delAddress(v6);
        assertTrue(route.getAddresses("veth0").stream().noneMatch(a -> a.scope().equals(AddressScope.UNIVERSE)));
        NoSuchAddressException gone = assertThrows(NoSuchAddressException.class,
                () -> route.delAddress("veth0", AddressSpec.of(ip("10.20.0.1"), 24)));
        assertTrue(gone.getMessage().startsWith("no address 10.20.0.1/24 on link 'veth0'"), gone.getMessage());

        route.delLink("veth0");
        assertThrows(NoSuchLinkException.class, () -> route.getLink("veth1"), "the peer goes with it");
        route.newLink(LinkSpec.veth("veth0", "veth1"));
        route.delLink(route.getLink("veth1").index());
        assertEquals(List.of("lo"), route.getLinks().stream().map(Link::name).toList());
    }

    @Test
    void existingAddressFailsWithTheKernelsExplanation() {
        route.newLink(LinkSpec.veth("veth0", "veth1"));
        route.newAddress("veth0", AddressSpec.of(ip("10.20.0.1"), 24));
        AddressExistsException e = assertThrows(AddressExistsException.class,
                () -> route.newAddress("veth0", AddressSpec.of(ip("10.20.0.1"), 24)));
        assertEquals(Errno.EEXIST, e.errno());
        assertEquals("EEXIST", e.errnoName());
        assertTrue(e.getMessage().startsWith("address 10.20.0.1/24 already exists on link 'veth0'"), e.getMessage());
        // Linux 6.3 and later explain ("ipv4: Address already assigned"); the exception keeps the text.
        assertEquals(((NetlinkErrnoException) e.getCause()).extendedAck(), e.extendedAck());
    }

    @Test
    void unknownLinkKindFailsWithTheKernelsExplanation() {
        LinkKind kind = LinkKind.of("nl4jnosuchkind");
        UnknownLinkKindException e = assertThrows(UnknownLinkKindException.class,
                () -> route.newLink(LinkSpec.builder().name("x0").kind(kind).build()));
        assertEquals(kind, e.kind());
        assertEquals(Errno.EOPNOTSUPP, e.errno());
        assertEquals("Unknown device type", e.extendedAck().message());
        assertTrue(e.getMessage().startsWith("unknown link kind 'nl4jnosuchkind' for link 'x0' (is its kernel module available?)"),
                e.getMessage());
    }

    @Test
    void existingAndMissingLinksAreNamed() {
        route.newLink(LinkSpec.veth("veth0", "veth1"));
        LinkExistsException exists = assertThrows(LinkExistsException.class,
                () -> route.newLink(LinkSpec.veth("veth0", "veth9")));
        assertTrue(exists.getMessage().startsWith("link 'veth0' (peer 'veth9') already exists"), exists.getMessage());
        NoSuchLinkException missing = assertThrows(NoSuchLinkException.class,
                () -> route.getLink("nosuch0"));
        assertEquals(Errno.ENODEV, missing.errno());
        assertTrue(missing.getMessage().startsWith("no link 'nosuch0'"), missing.getMessage());
        assertThrows(NoSuchLinkException.class, () -> route.getLink(999_999));
        assertThrows(NoSuchLinkException.class, () -> route.updateLink(LinkChange.builder("nosuch0").up(true).build()));
        assertThrows(NoSuchLinkException.class, () -> route.delLink("nosuch0"));
        assertThrows(NoSuchLinkException.class, () -> route.newAddress(999_999, AddressSpec.of(ip("10.0.0.1"), 8)));
        assertThrows(NoSuchLinkException.class, () -> route.getAddresses("nosuch0"));
    }

    @Test
    void otherRefusalsCarryTheKernelsErrnoAndText() {
        route.newLink(LinkSpec.veth("veth0", "veth1"));
        RouteException e = assertThrows(RouteException.class, () -> route.updateLink(LinkChange.builder("veth0").mtu(1_000_000).build()));
        assertEquals(Errno.EINVAL, e.errno());
        assertNotNull(e.extendedAck().message());
        assertTrue(e.getMessage().startsWith("RTM_SETLINK link 'veth0' failed"), e.getMessage());
    }

    @Test
    void vethPeerInAnotherNamespace() throws Exception {
        try (Netns other = Netns.create("nl4j-route-peer"); NamespaceProcess holder = NamespaceProcess.start(other)) {
            route.newLink(LinkSpec.builder().name("host0").kind(LinkKind.VETH).peerName("ctr0")
                    .peerNamespace(LinkNamespace.ofPid(holder.pid())).build());
            Link host = route.getLink("host0");
            assertThrows(NoSuchLinkException.class, () -> route.getLink("ctr0"));
            assertTrue(host.linkNetnsId() >= 0, "the peer is in another namespace: " + host.linkNetnsId());
            try (RouteHandle inside = RouteHandle.open(other.path())) {
                Link ctr = inside.getLink("ctr0");
                assertEquals(LinkKind.VETH, ctr.kind().orElseThrow());
                assertEquals(ctr.index(), host.parentIndex());
                inside.newAddress("ctr0", AddressSpec.of(ip("10.50.0.2"), 24));
                assertEquals(1, inside.getAddresses("ctr0").stream().filter(a -> a.addressFamily().equals(AddressFamily.INET)).count());

                // Moving a link: a second pair, whose end is then moved over.
                route.newLink(LinkSpec.veth("host1", "ctr1"));
                route.updateLink(LinkChange.builder("ctr1").namespace(LinkNamespace.ofPid(holder.pid())).build());
                assertThrows(NoSuchLinkException.class, () -> route.getLink("ctr1"));
                assertNotEquals(0, inside.getLink("ctr1").index());
            }
            Map<Long, Map<String, Object>> theirs = Iproute2.links(ns);
            assertEquals(theirs, Iproute2.links(route.getLinks()), "cross-namespace peers as iproute2 shows them");
        }
    }

    static List<InetAddress> ipv4(List<Address> addresses) {
        return addresses.stream().filter(a -> a.addressFamily().equals(AddressFamily.INET)).map(a -> a.address().orElseThrow()).toList();
    }

    /**
     * A name is resolved afresh by each call that takes one (there is no cache to go stale); an
     * index stays with its link across a rename, and once the link is deleted it never reaches
     * another link, even one recreated under the same name.
     */
    @Test
    void namesResolveAtEachCallAndIndexesStayWithTheirLink() {
        route.newLink(LinkSpec.veth("veth0", "veth1"));
        int index = route.getLink("veth0").index();
        route.newAddress("veth0", AddressSpec.of(ip("10.80.0.1"), 24));
        route.updateLink(LinkChange.builder(index).name("wan0").build());
        assertThrows(NoSuchLinkException.class, () -> route.newAddress("veth0", AddressSpec.of(ip("10.80.0.2"), 24)),
                "the old name is gone");
        route.newAddress("wan0", AddressSpec.of(ip("10.80.0.2"), 24));
        route.newAddress(index, AddressSpec.of(ip("10.80.0.3"), 24));
        assertEquals(List.of(ip("10.80.0.1"), ip("10.80.0.2"), ip("10.80.0.3")), ipv4(route.getAddresses(index)),
                "by old name, new name and index: one link");
        assertEquals(ipv4(route.getAddresses(index)), ipv4(route.getAddresses("wan0")));

        route.delLink("wan0");
        route.newLink(LinkSpec.veth("veth0", "veth1"));
        int recreated = route.getLink("veth0").index();
        assertNotEquals(index, recreated, "a recreated link gets a new index");
        assertThrows(NoSuchLinkException.class, () -> route.newAddress(index, AddressSpec.of(ip("10.80.0.4"), 24)));
        assertThrows(NoSuchLinkException.class, () -> route.delAddress(index, AddressSpec.of(ip("10.80.0.1"), 24)));
        route.newAddress("veth0", AddressSpec.of(ip("10.80.0.5"), 24));
        assertEquals(List.of(ip("10.80.0.5")), ipv4(route.getAddresses(recreated)), "the name now names the new link");
        assertTrue(route.isLinkPresent("veth0") && route.isLinkPresent(recreated));
        assertFalse(route.isLinkPresent("wan0") || route.isLinkPresent(index));
    }

    @Test
    void listingsComeInTheirDocumentedOrder() {
        route.newLink(LinkSpec.veth("veth0", "veth1"));
        route.newLink(LinkSpec.veth("veth2", "veth3"));
        int v2 = route.getLink("veth2").index();
        int v0 = route.getLink("veth0").index();
        route.newAddress(v2, AddressSpec.builder(ip("2001:db8:90::1"), 64).flags(AddressFlags.NODAD).build());
        route.newAddress(v2, AddressSpec.of(ip("10.90.2.1"), 24));
        route.newAddress(v0, AddressSpec.of(ip("10.90.0.2"), 24));
        route.newAddress(v0, AddressSpec.of(ip("10.90.0.1"), 24));
        List<Link> links = route.getLinks();
        assertEquals(links.stream().map(Link::index).sorted().toList(), links.stream().map(Link::index).toList());
        List<Address> all = route.getAddresses();
        List<Address> sorted = new ArrayList<>(all);
        sorted.sort(Comparator.comparingInt(Address::linkIndex).thenComparingInt(a -> a.addressFamily().value()));
        assertEquals(sorted, all, "by link index, then family");
        assertEquals(List.of(ip("10.90.0.2"), ip("10.90.0.1")), ipv4(route.getAddresses(v0)),
                "within a link and family, the kernel's order: the primary before its secondary");
        assertEquals(all, route.getAddresses(), "the same state lists the same way");
    }

    @Test
    void openWithOptionsUsesExactlyThoseAndTheOtherFormsTheDefaults() {
        assertTrue(route.connection().options().strictCheck(), "open(Path) applies defaultOptions()");
        assertTrue(route.connection().options().extendedAck());
        try (RouteHandle lax = RouteHandle.open(NetlinkOptions.builder().netns(ns.path()).strictCheck(false).extendedAck(false).build())) {
            assertFalse(lax.connection().options().strictCheck(), "the caller's choice stands");
            assertFalse(lax.connection().options().extendedAck());
            assertTrue(lax.isLinkPresent("lo"), "and the handle works");
        }
        try (RouteHandle strict = RouteHandle.open(RouteHandle.defaultOptions().netns(ns.path()).build())) {
            assertTrue(strict.connection().options().strictCheck());
            assertTrue(strict.connection().options().extendedAck());
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
