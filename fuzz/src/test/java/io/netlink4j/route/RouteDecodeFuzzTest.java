// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.route;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netlink4j.fuzz.Fuzzing;
import io.netlink4j.fuzz.Messages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * rtnetlink link and address replies and notifications through {@link RouteCodec}: every
 * message of a datagram is decoded as a link, as an address and as an event, and the three
 * must agree with each other.
 */
class RouteDecodeFuzzTest {

    @FuzzTest
    void replies(byte[] data) {
        Fuzzing.withBuffer(data, buf -> Messages.forEachReply(buf, msg -> {
            Link link = Fuzzing.decodeOrNull(() -> RouteCodec.decodeLink(msg));
            Address address = Fuzzing.decodeOrNull(() -> RouteCodec.decodeAddress(msg));
            RouteEvent event = Fuzzing.decodeOrNull(() -> RouteCodec.decodeEvent(msg));
            Route route = Fuzzing.decodeOrNull(() -> RouteCodec.decodeRoute(msg));
            RouteTableEvent routeEvent = Fuzzing.decodeOrNull(() -> RouteCodec.decodeRouteEvent(msg));
            if (link != null) {
                assertNotNull(link.toString());
            }
            if (address != null) {
                assertNotNull(address.toString());
            }
            if (route != null) {
                assertNotNull(route.toString());
            }
            if (routeEvent != null) {
                assertEquals(route, routeEvent.route());
            }
            if (event instanceof LinkEvent e) {
                assertEquals(link, e.link());
            } else if (event instanceof AddressEvent e) {
                assertEquals(address, e.address());
            }
        }));
    }
}
