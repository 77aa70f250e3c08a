// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.testsupport;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Function;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A fresh network namespace for each test, and a handle opened on it: the test is skipped where
 * namespaces cannot be made (not root, no iproute2); after the test the handle is closed, then the
 * namespace deleted. Register it on an instance field:
 *
 * <pre>{@code
 * @RegisterExtension
 * final NetnsExtension<RouteHandle> netns = new NetnsExtension<>("nl4j-route", RouteHandle::open);
 *
 * @Test
 * void test() {
 *     netns.handle().newLink(...);
 *     netns.netns().exec("ip", "link", "show");
 * }
 * }</pre>
 *
 * @param <H> the type of the handle
 */
public final class NetnsExtension<H extends AutoCloseable> implements BeforeEachCallback, AfterEachCallback {
    private final String prefix;
    private final Function<Path, H> open;
    private Netns netns;
    private H handle;

    /**
     * @param prefix the start of the namespace's name
     * @param open   opens the handle on the namespace at the path it is given
     */
    public NetnsExtension(String prefix, Function<Path, H> open) {
        this.prefix = Objects.requireNonNull(prefix, "prefix");
        this.open = Objects.requireNonNull(open, "open");
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        assumeTrue(Netns.available(), "needs root and iproute2 to create a network namespace");
        netns = Netns.create(prefix);
        handle = open.apply(netns.path());
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        try {
            if (handle != null) {
                handle.close();
            }
        } finally {
            handle = null;
            if (netns != null) {
                netns.close();
                netns = null;
            }
        }
    }

    /** The namespace of the running test. */
    public Netns netns() {
        return Objects.requireNonNull(netns, "no test is running");
    }

    /** The handle on {@link #netns()}. */
    public H handle() {
        return Objects.requireNonNull(handle, "no test is running");
    }
}
