// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ipvs;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** DrainOptions, DrainProgress and DrainResult as values: defaults, ranges, equality. */
class DrainOptionsTest {

    @Test
    void defaults() {
        DrainOptions d = DrainOptions.builder().build();
        assertEquals(Duration.ofSeconds(300), d.timeout());
        assertEquals(Duration.ofSeconds(1), d.interval());
        assertEquals(0, d.threshold());
        assertFalse(d.force());
        assertEquals(DrainOptions.DEFAULTS, d);
        assertEquals("DrainOptions[timeout=PT5M, interval=PT1S, threshold=0, force=false]", d.toString());
    }

    @Test
    void valuesRoundTripAndCompare() {
        DrainOptions o = DrainOptions.builder().timeout(Duration.ZERO).interval(Duration.ofMillis(10)).threshold(3).force(true).build();
        assertEquals(o, o.toBuilder().build());
        assertEquals(o.hashCode(), o.toBuilder().build().hashCode());
        assertNotEquals(o, o.toBuilder().threshold(4).build());
        assertNotEquals(o, o.toBuilder().force(false).build());
        assertEquals(DrainOptions.MAX_TIMEOUT, DrainOptions.builder().timeout(Duration.ofDays(7)).build().timeout());
        assertEquals(Duration.ofHours(1), DrainOptions.builder().interval(Duration.ofHours(1)).build().interval());
    }

    @Test
    void outOfRangeValuesAreRefusedNamingTheRange() {
        assertEquals("timeout: PT-1S (expected: PT0S-PT168H)",
                assertThrows(IllegalArgumentException.class, () -> DrainOptions.builder().timeout(Duration.ofSeconds(-1))).getMessage());
        assertEquals("timeout: PT168H0.001S (expected: PT0S-PT168H)",
                assertThrows(IllegalArgumentException.class, () -> DrainOptions.builder().timeout(Duration.ofDays(7).plusMillis(1))).getMessage());
        assertEquals("interval: PT0.009S (expected: PT0.01S-PT1H)",
                assertThrows(IllegalArgumentException.class, () -> DrainOptions.builder().interval(Duration.ofMillis(9))).getMessage());
        assertEquals("interval: PT1H0.001S (expected: PT0.01S-PT1H)",
                assertThrows(IllegalArgumentException.class, () -> DrainOptions.builder().interval(Duration.ofHours(1).plusMillis(1))).getMessage());
        assertEquals("threshold: -1 (expected: 0-9223372036854775807)",
                assertThrows(IllegalArgumentException.class, () -> DrainOptions.builder().threshold(-1)).getMessage());
        assertEquals("timeout", assertThrows(NullPointerException.class, () -> DrainOptions.builder().timeout(null)).getMessage());
        assertEquals("interval", assertThrows(NullPointerException.class, () -> DrainOptions.builder().interval(null)).getMessage());
    }

    @Test
    void progressAndResultCheckTheirComponents() {
        assertEquals("poll: 0 (expected: 1-2147483647)",
                assertThrows(IllegalArgumentException.class, () -> new DrainProgress(0, 0, 0, Duration.ZERO)).getMessage());
        assertEquals("activeConnections: -1 (expected: 0-9223372036854775807)",
                assertThrows(IllegalArgumentException.class, () -> new DrainProgress(1, -1, 0, Duration.ZERO)).getMessage());
        assertThrows(NullPointerException.class, () -> new DrainResult(null, 0, 0, Duration.ZERO));
        assertTrue(new DrainResult(DrainResult.Outcome.DRAINED, 0, 0, Duration.ZERO).removed());
        assertTrue(new DrainResult(DrainResult.Outcome.FORCED, 2, 0, Duration.ZERO).removed());
        assertTrue(new DrainResult(DrainResult.Outcome.GONE, 0, 0, Duration.ZERO).removed());
        assertFalse(new DrainResult(DrainResult.Outcome.TIMED_OUT, 1, 0, Duration.ZERO).removed());
    }
}
