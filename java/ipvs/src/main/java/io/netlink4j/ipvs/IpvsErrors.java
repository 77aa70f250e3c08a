// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ipvs;

import io.netlink4j.Errno;
import io.netlink4j.NetlinkErrnoException;

/** The one place where IPVS kernel errnos become domain exceptions that name the object. */
final class IpvsErrors {
    private IpvsErrors() {}

    /**
     * The domain exception for a kernel error. (Timeouts and overruns are not errno exceptions and
     * never come here.)
     */
    static NetlinkErrnoException map(int cmd, Service service, Destination dest, DaemonConfig.State daemon, NetlinkErrnoException e) {
        if (e instanceof IpvsException) {
            return e;
        }
        String svc = service == null ? null : "service " + service.describe();
        String dst = dest == null ? null : "destination " + dest.describe();
        int errno = e.errno();
        if (errno == Errno.EPERM || errno == Errno.EACCES) {
            return new IpvsException.PermissionException("IPVS " + Ipvs.commandName(cmd)
                    + ": permission denied: IPVS needs CAP_NET_ADMIN in the network namespace", e);
        }
        switch (cmd) {
            case Ipvs.CMD_NEW_SERVICE, Ipvs.CMD_SET_SERVICE -> {
                if (errno == Errno.EEXIST && cmd == Ipvs.CMD_NEW_SERVICE) {
                    return new IpvsException.ServiceExistsException(svc + " already exists", e);
                }
                if (errno == Errno.ESRCH) {
                    return new IpvsException.NoSuchServiceException("no such " + svc, e);
                }
                if (errno == Errno.ENOENT) {
                    return unknownModule(service, e);
                }
            }
            case Ipvs.CMD_DEL_SERVICE, Ipvs.CMD_GET_SERVICE, Ipvs.CMD_ZERO -> {
                if (errno == Errno.ESRCH && svc != null) {
                    return new IpvsException.NoSuchServiceException("no such " + svc, e);
                }
            }
            case Ipvs.CMD_NEW_DEST, Ipvs.CMD_SET_DEST, Ipvs.CMD_DEL_DEST -> {
                if (errno == Errno.ESRCH) {
                    return new IpvsException.NoSuchServiceException("no such " + svc + " (for " + dst + ")", e);
                }
                if (errno == Errno.EEXIST && cmd == Ipvs.CMD_NEW_DEST) {
                    return new IpvsException.DestinationExistsException(dst + " already exists in " + svc, e);
                }
                if (errno == Errno.ENOENT) {
                    return new IpvsException.NoSuchDestinationException("no " + dst + " in " + svc, e);
                }
            }
            case Ipvs.CMD_NEW_DAEMON, Ipvs.CMD_DEL_DAEMON -> {
                if (errno == Errno.EEXIST) {
                    return new IpvsException.DaemonStateException("a " + daemon + " sync daemon is already running", e);
                }
                if (errno == Errno.ESRCH) {
                    return new IpvsException.DaemonStateException("no " + daemon + " sync daemon is running", e);
                }
            }
            default -> { }
        }
        String what = svc != null ? (dst != null ? dst + " of " + svc : svc) : null;
        return new IpvsException("IPVS " + Ipvs.commandName(cmd) + (what == null ? "" : " " + what) + " failed", e);
    }

    private static IpvsException unknownModule(Service s, NetlinkErrnoException e) {
        boolean knownScheduler = Schedulers.ALL.contains(s.schedName());
        if (!knownScheduler || s.peName().isEmpty()) {
            String module = Schedulers.moduleOf(s.schedName());
            return new IpvsException.UnknownSchedulerException("unknown scheduler '" + s.schedName() + "' for service "
                    + s.describe() + " (is kernel module " + module + " available?)", module, e);
        }
        String module = "ip_vs_pe_" + s.peName();
        return new IpvsException.UnknownSchedulerException("unknown persistence engine '" + s.peName() + "' for service "
                + s.describe() + " (is kernel module " + module + " available?)", module, e);
    }
}
