// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.engine;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link NetlinkOptions} as a value: equality, the namespace as an Optional, null refused. */
class NetlinkOptionsTest {

    @Test
    void optionsAreEqualWhenEverySettingIs() {
        NetlinkOptions a = NetlinkOptions.builder().netns(Path.of("/var/run/netns/a")).receiveTimeout(Duration.ofSeconds(1))
                .dumpAttempts(5).build();
        NetlinkOptions b = a.toBuilder().build();
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertEquals(a.toString(), b.toString());
        assertEquals(NetlinkOptions.defaults(), NetlinkOptions.builder().build());
        assertNotEquals(a, a.toBuilder().dumpAttempts(4).build());
        assertNotEquals(a, a.toBuilder().callerNetns().build());
        assertNotEquals(a, a.toBuilder().peerPortId(7).build());
        assertTrue(a.toString().contains("netns=/var/run/netns/a") && a.toString().contains("dumpAttempts=5"), a.toString());
    }

    @Test
    void theNamespaceIsOptionalAndNeverNull() {
        assertEquals(Optional.empty(), NetlinkOptions.defaults().netns());
        assertEquals(Optional.of(Path.of("/proc/1/ns/net")), NetlinkOptions.builder().netns(Path.of("/proc/1/ns/net")).build().netns());
        NullPointerException e = assertThrows(NullPointerException.class, () -> NetlinkOptions.builder().netns(null));
        assertEquals("netns", e.getMessage());
        assertEquals("receive timeout", assertThrows(NullPointerException.class,
                () -> NetlinkOptions.builder().receiveTimeout(null)).getMessage());
    }
}
