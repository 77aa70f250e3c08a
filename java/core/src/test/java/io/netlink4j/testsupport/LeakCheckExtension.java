// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.testsupport;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.List;

/**
 * Registered for every test class through JUnit's extension auto-detection
 * (META-INF/services): turns on paranoid leak detection before the first test and fails a test
 * class whose run leaked a ByteBuf.
 */
public final class LeakCheckExtension implements BeforeAllCallback, AfterAllCallback {
    static {
        LeakDetection.install();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        LeakDetection.install();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        List<String> leaks = LeakDetection.collectLeaks();
        if (!leaks.isEmpty()) {
            throw new AssertionError(leaks.size() + " ByteBuf leak(s) in " + context.getDisplayName() + ":\n"
                    + String.join("\n", leaks));
        }
    }
}
