// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.cli.ipvs;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Port names as getservbyname and getservbyport find them in /etc/services. */
class ServicesFileTest {
    private final ServicesFile services = new ServicesFile(List.of(
            "# Network services",
            "tcpmux          1/tcp                           # TCP port service multiplexer",
            "http            80/tcp          www             # WorldWideWeb HTTP",
            "domain          53/tcp                          # Domain Name Server",
            "domain          53/udp",
            "www-alt         80/tcp",
            "bad             x/tcp",
            "",
            "   sip  5060/udp   # SIP"));

    @Test
    void namesAndAliases() {
        assertEquals(80, services.port("http", "tcp"));
        assertEquals(80, services.port("www", "tcp"));
        assertEquals(80, services.port("www-alt", "tcp"));
        assertEquals(-1, services.port("http", "udp"));
        assertEquals(53, services.port("domain", "udp"));
        assertEquals(5060, services.port("sip", "udp"));
        assertEquals(-1, services.port("bad", "tcp"));
    }

    @Test
    void firstNameOfAPortWins() {
        assertEquals("http", services.name(80, "tcp"));
        assertEquals("tcpmux", services.name(1, "tcp"));
        assertNull(services.name(80, "udp"));
        assertNull(services.name(8080, "tcp"));
    }

    @Test
    void systemFile() {
        assertEquals(22, ServicesFile.system().port("ssh", "tcp"));
        assertEquals("domain", ServicesFile.system().name(53, "udp"));
    }
}
