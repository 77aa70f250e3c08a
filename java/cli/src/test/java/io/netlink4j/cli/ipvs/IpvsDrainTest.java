// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.cli.ipvs;

import io.netlink4j.cli.CliException;
import io.netlink4j.cli.Run;
import io.netlink4j.ipvs.DrainOptions;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code netlink4j ipvs drain}'s command line (no kernel needed: errors come before any request). */
class IpvsDrainTest {

    @Test
    void optionsAreRead() {
        IpvsDrain.Parsed p = IpvsDrain.parse(List.of("-t", "10.0.0.1:80", "-r", "10.1.1.2:8080", "--timeout", "2.5",
                "--interval=0.25", "--threshold", "3", "--force"));
        assertEquals(DrainOptions.builder().timeout(Duration.ofMillis(2500)).interval(Duration.ofMillis(250)).threshold(3).force(true).build(),
                p.options());
        assertEquals(80, p.target().service().port());
        assertEquals("10.1.1.2", p.target().destination().address().getHostAddress());
        assertEquals(8080, p.target().destination().port());
        assertEquals(DrainOptions.DEFAULTS, IpvsDrain.parse(List.of("-f", "5", "-r", "10.1.1.2")).options());
    }

    @Test
    void badValuesAreRefusedNamingTheRange() {
        assertEquals("--timeout: -1 (expected: 0-604800)", message("-t", "10.0.0.1:80", "-r", "10.1.1.2", "--timeout", "-1"));
        assertEquals("--timeout: soon (expected: a number of seconds)", message("-t", "10.0.0.1:80", "-r", "10.1.1.2", "--timeout", "soon"));
        assertEquals("interval: PT0.001S (expected: PT0.01S-PT1H)", message("-t", "10.0.0.1:80", "-r", "10.1.1.2", "--interval", "0.001"));
        assertEquals("threshold: -2 (expected: 0-9223372036854775807)", message("-t", "10.0.0.1:80", "-r", "10.1.1.2", "--threshold", "-2"));
        assertEquals("--threshold needs a value", message("-t", "10.0.0.1:80", "-r", "10.1.1.2", "--threshold"));
        assertEquals("drain needs a service (-t, -u, --sctp-service or -f) and a real server (-r)", message("-t", "10.0.0.1:80"));
        assertTrue(message("-t", "10.0.0.1:80", "-r", "10.1.1.2", "-w", "3").startsWith("unexpected argument -w"));
    }

    @Test
    void usageErrorsExitWithTwoAndHelpPrintsTheUsage() {
        Run bad = Run.netlink4j("ipvs", "drain", "-t", "10.0.0.1:80");
        assertEquals(2, bad.exitCode(), bad.toString());
        assertTrue(bad.err().contains("drain needs a service"), bad.err());
        Run help = Run.netlink4j("ipvs", "drain", "--help");
        assertEquals(0, help.exitCode(), help.toString());
        assertEquals(IpvsDrain.USAGE, help.out());
    }

    private static String message(String... args) {
        return assertThrows(CliException.class, () -> IpvsDrain.parse(List.of(args))).getMessage();
    }
}
