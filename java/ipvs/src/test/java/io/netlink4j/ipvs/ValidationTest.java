// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ipvs;

import io.netlink4j.AddressFamily;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.time.Duration;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Values the kernel would store differently from what was asked are refused before anything is sent. */
class ValidationTest {

    private static Service.Builder web() {
        return Service.builder().protocol(Protocol.TCP).address(InetAddress.getLoopbackAddress()).port(80);
    }

    private static DaemonConfig.Builder daemon() {
        return DaemonConfig.builder().state(DaemonConfig.State.MASTER).syncId(1);
    }

    private static void assertRefused(Runnable r, String... parts) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), () -> "'" + part + "' not in: " + e.getMessage());
        }
    }

    @Test
    void schedulerNameIsAtMostFifteenBytesOfUtf8() {
        assertEquals("abcdefghijklmno", web().scheduler(Scheduler.of("abcdefghijklmno")).build().scheduler().name());
        assertRefused(() -> build(web().scheduler(Scheduler.of("abcdefghijklmnop"))), "scheduler", "16 bytes", "1-15 bytes");
        // 8 two-byte characters: 8 characters, 16 bytes.
        assertRefused(() -> build(web().scheduler(Scheduler.of("éééééééé"))), "16 bytes", "1-15");
        assertRefused(() -> build(web().scheduler(Scheduler.of(""))), "0 bytes", "1-15");
    }

    @Test
    void namesWithNulOrUnpairedSurrogatesAreRefused() {
        assertRefused(() -> build(web().scheduler(Scheduler.of("rr\0x"))), "scheduler", "no NUL");
        assertRefused(() -> build(web().scheduler(Scheduler.of("rr\uD800"))), "scheduler", "UTF-8");
        assertRefused(() -> build(web().persistent(60).persistenceEngine(PersistenceEngine.of("s\0p"))), "persistenceEngine", "no NUL");
        assertRefused(() -> build(web().persistent(60).persistenceEngine(PersistenceEngine.of("\uDC00"))), "persistenceEngine", "UTF-8");
    }

    @Test
    void daemonInterfaceIsOneToFifteenBytesWithoutNul() {
        assertEquals("abcdefghijklmno", daemon().multicastInterface("abcdefghijklmno").build().multicastInterface());
        assertRefused(() -> daemon().multicastInterface("").build(), "multicastInterface", "1-15");
        assertRefused(() -> daemon().multicastInterface("abcdefghijklmnop").build(), "16 bytes", "1-15");
        assertRefused(() -> daemon().multicastInterface("eth\0").build(), "no NUL");
        assertRefused(() -> daemon().multicastInterface("ééééééé\u00e9").build(), "16 bytes");
        assertRefused(() -> daemon().multicastInterface("eth\uD800").build(), "UTF-8");
    }

    @Test
    void configTakesWholeSecondsOnly() {
        Config ok = new Config(Duration.ofSeconds(900), Duration.ofSeconds(120), Duration.ofSeconds(300));
        assertEquals(Duration.ofSeconds(900), ok.timeoutTcp());
        assertRefused(() -> new Config(Duration.ofMillis(1500), Duration.ZERO, Duration.ZERO), "whole seconds");
        assertRefused(() -> new Config(Duration.ofSeconds(-1), Duration.ZERO, Duration.ZERO), "whole seconds");
    }

    @Test
    void ipv4MasksNeedNotBePrefixes() {
        Service prefix = web().netmask(Netmask.ofPrefix(24)).build();
        assertEquals(0xFFFFFF00, prefix.netmask().value());
        assertEquals(prefix, web().netmask(Netmask.of(0xFFFFFF00)).build(), "a prefix mask is the same service either way");
        assertEquals(OptionalInt.of(32), web().build().netmask().prefixLength());
        assertEquals(0xFFFFFFFF, web().build().netmask().value());
        assertEquals(0, web().netmask(Netmask.ofPrefix(0)).build().netmask().value());

        Service odd = web().netmask(Netmask.of(0xFF00FF00)).build();
        assertEquals(OptionalInt.empty(), odd.netmask().prefixLength());
        assertEquals(0xFF00FF00, odd.netmask().value());
        assertEquals(odd, odd.toBuilder().build());
        assertEquals(OptionalInt.of(24), odd.toBuilder().netmask(Netmask.ofPrefix(24)).build().netmask().prefixLength(),
                "the last netmask wins");
        assertTrue(odd.toString().contains("netmask=255.0.255.0"), odd.toString());
    }

    @Test
    void ipv6ServicesTakePrefixLengthsOnly() throws Exception {
        Service.Builder v6 = Service.builder().protocol(Protocol.TCP).address(InetAddress.getByName("2001:db8::1")).port(80);
        assertEquals(64, v6.netmask(Netmask.ofPrefix(AddressFamily.INET6, 64)).build().netmask().value());
        assertEquals(Netmask.ofPrefix(AddressFamily.INET6, 128), v6.netmask(Netmask.ofPrefix(AddressFamily.INET6, 128)).build().netmask());
        assertRefused(() -> build(v6.netmask(Netmask.of(0xFFFF0000))), "netmask: 255.255.0.0 is INET", "INET6");
        assertRefused(() -> build(v6.netmask(Netmask.ofPrefix(AddressFamily.INET6, 0))), "netmask: /0", "1-128");
    }

    @Test
    void persistenceTimeoutFitsTheKernelsJiffies() {
        assertEquals(4294967, Service.MAX_TIMEOUT);
        assertEquals(Service.MAX_TIMEOUT, web().persistent(Service.MAX_TIMEOUT).build().timeout());
        assertRefused(() -> build(web().persistent(Service.MAX_TIMEOUT + 1)), "timeout: 4294968", "0-4294967 seconds");
        assertRefused(() -> build(web().timeout(-1)), "timeout: -1");
        // Read from a kernel with fewer ticks per second, where another tool set a longer one.
        Service read = web().addressFamily(AddressFamily.INET).timeout(0xFFFFFFFFL).stats(new Stats(1, 0, 0, 0, 0, 0, 0, 0, 0, 0)).buildDecoded();
        assertEquals(0xFFFFFFFFL, read.withoutStats().timeout(), "comparing configuration does not refuse what the kernel reported");
    }

    private static void build(Service.Builder b) {
        b.build();
    }
}
