// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.engine;

import io.netlink4j.NetlinkException;

import java.util.List;

/**
 * The outcome of a batch: one entry per request, in request order. A null failure means the kernel
 * acknowledged the request; otherwise the exception says why it failed, or that its outcome is
 * unknown (its ACK was lost to a receive-buffer overrun, or the batch stopped early).
 */
public record BatchResult(List<NetlinkException> failures, int datagramsSent) {
    public BatchResult {
        failures = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(failures));
    }

    public int size() {
        return failures.size();
    }

    public boolean succeeded(int index) {
        return failures.get(index) == null;
    }

    public NetlinkException failure(int index) {
        return failures.get(index);
    }

    public boolean allSucceeded() {
        for (NetlinkException e : failures) {
            if (e != null) {
                return false;
            }
        }
        return true;
    }

    public int failureCount() {
        int n = 0;
        for (NetlinkException e : failures) {
            if (e != null) {
                n++;
            }
        }
        return n;
    }
}
