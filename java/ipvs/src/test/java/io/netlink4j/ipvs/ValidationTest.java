package io.netlink4j.ipvs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.time.Duration;
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
        assertEquals("abcdefghijklmno", web().schedName("abcdefghijklmno").build().schedName());
        assertRefused(() -> build(web().schedName("abcdefghijklmnop")), "schedName", "16 bytes", "1-15 bytes");
        // 8 two-byte characters: 8 characters, 16 bytes.
        assertRefused(() -> build(web().schedName("éééééééé")), "16 bytes", "1-15");
        assertRefused(() -> build(web().schedName("")), "0 bytes", "1-15");
    }

    @Test
    void namesWithNulOrUnpairedSurrogatesAreRefused() {
        assertRefused(() -> build(web().schedName("rr\0x")), "schedName", "no NUL");
        assertRefused(() -> build(web().schedName("rr\uD800")), "schedName", "UTF-8");
        assertRefused(() -> build(web().persistent(60).peName("s\0p")), "peName", "no NUL");
        assertRefused(() -> build(web().persistent(60).peName("\uDC00")), "peName", "UTF-8");
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

    private static void build(Service.Builder b) {
        b.build();
    }
}
