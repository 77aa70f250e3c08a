// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ipvs;

import io.netlink4j.NetlinkErrnoException;

import java.util.Objects;

/**
 * The kernel refused an IPVS request. The message names the service, destination or sync daemon
 * concerned; {@link #errno()}, {@link #operation()} and {@link #extendedAck()} are those of the
 * kernel's answer.
 *
 * <p>Conditions worth branching on have their own subclasses: {@link ServiceExistsException},
 * {@link NoSuchServiceException}, {@link DestinationExistsException},
 * {@link NoSuchDestinationException} and {@link UnknownSchedulerException}. Every other refusal is
 * an {@code IpvsException} itself, among them a missing CAP_NET_ADMIN ({@code EPERM}) and a sync
 * daemon already running ({@code EEXIST} on {@code newDaemon}) or not running ({@code ESRCH} on
 * {@code delDaemon}): read {@link #errno()} to tell them apart.
 *
 * <p>Timeouts and lost replies are not refusals and are never turned into an
 * {@code IpvsException}; a kernel without IPVS is reported as
 * {@link io.netlink4j.genl.GenlFamilyNotFoundException} by {@link IpvsHandle#open()}.
 */
public class IpvsException extends NetlinkErrnoException {
    private static final long serialVersionUID = 1L;

    /**
     * An exception carrying the errno, operation and extended ACK of {@code cause}, the kernel's
     * answer, under a message that starts with {@code message}; {@link NetlinkErrnoException}
     * adds the errno and the kernel's own text (the extended ACK's message) when it sent one.
     *
     * @param message what was refused, naming the object (e.g. {@code "no such service TCP 10.0.0.1:80"})
     * @param cause   the kernel's refusal
     */
    public IpvsException(String message, NetlinkErrnoException cause) {
        super(Objects.requireNonNull(message, "message"), Objects.requireNonNull(cause, "cause"));
    }
}
