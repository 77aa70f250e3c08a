// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.genl;

import io.netlink4j.internal.GenlFamilyCodec;
import io.netlink4j.Errno;
import io.netlink4j.NetlinkErrnoException;
import io.netlink4j.engine.NetlinkConnection;
import io.netlink4j.engine.NetlinkDump;
import io.netlink4j.engine.NetlinkOptions;
import io.netlink4j.engine.ReplyDecoder;
import io.netlink4j.engine.ReplyHandler;
import io.netlink4j.engine.Request;
import io.netlink4j.engine.RequestBody;
import io.netlink4j.socket.NetlinkProtocol;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A generic netlink connection: resolves families through nlctrl (with a refreshable cache) and
 * sends commands with the genl header written for the caller. Family clients (IPVS, ...) are
 * built on it. Safe for use by many threads.
 *
 * <p>Costs: {@link #getFamily} asks the kernel once per family name and then answers from its
 * cache; {@link #refreshFamily}, {@link #getFamilies} and {@link #getPolicy} send a request (or
 * a dump) on every call. The methods that take a {@link GenlFamily} send exactly what they say,
 * to the id it has: after the family's module was reloaded under another id the kernel refuses
 * them with ENOENT. A {@link GenlFamilyClient} ({@link #familyClient}) follows the family instead.
 *
 * <p>Every method that talks to the kernel throws {@link io.netlink4j.NetlinkClosedException}
 * once this object is closed, {@link io.netlink4j.NetlinkTimeoutException} when no answer came in
 * time, and {@link NetlinkErrnoException} when the kernel refused.
 */
public final class GenericNetlink implements AutoCloseable {
    private final NetlinkConnection connection;
    private final ConcurrentHashMap<String, GenlFamily> cache = new ConcurrentHashMap<>();

    private GenericNetlink(NetlinkConnection connection) {
        this.connection = connection;
    }

    /**
     * Opens generic netlink in the caller's network namespace with {@link #defaultOptions()}.
     *
     * @return the open connection
     * @throws NetlinkErrnoException a system call failed (socket, bind, setsockopt)
     * @throws UnsatisfiedLinkError  the native library cannot be loaded
     */
    public static GenericNetlink open() {
        return open(defaultOptions().build());
    }

    /**
     * Opens generic netlink in the network namespace at {@code netns}, e.g.
     * {@code /var/run/netns/NAME} or {@code /proc/PID/ns/net}, with {@link #defaultOptions()}.
     *
     * @param netns the namespace's path
     * @return the open connection
     * @throws NetlinkErrnoException the namespace cannot be entered, or a system call failed
     * @throws UnsatisfiedLinkError  the native library cannot be loaded
     */
    public static GenericNetlink open(Path netns) {
        Objects.requireNonNull(netns, "netns");
        return open(defaultOptions().netns(netns).build());
    }

    /**
     * The options {@link #open()} and {@link #open(Path)} use, as a builder to adjust timeouts,
     * namespace or buffers for {@link #open(NetlinkOptions)}. Generic netlink needs nothing
     * beyond {@link NetlinkOptions#defaults()}.
     *
     * @return a new builder with this class's defaults
     */
    public static NetlinkOptions.Builder defaultOptions() {
        return NetlinkOptions.builder();
    }

    /**
     * Opens generic netlink with exactly {@code options} (namespace, timeouts, buffer sizes).
     *
     * @param options the connection's settings
     * @return the open connection
     * @throws NetlinkErrnoException the namespace cannot be entered, or a system call failed
     * @throws UnsatisfiedLinkError  the native library cannot be loaded
     */
    public static GenericNetlink open(NetlinkOptions options) {
        Objects.requireNonNull(options, "options");
        return new GenericNetlink(NetlinkConnection.open(NetlinkProtocol.GENERIC, options));
    }

    /**
     * Generic netlink over {@code connection}, which the returned object then owns (closing it
     * closes the connection). Any connection works: one to the kernel's NETLINK_GENERIC in some
     * namespace, or one to a {@code NetlinkTestPeer} that scripts the replies.
     *
     * @param connection a connection to NETLINK_GENERIC (or a test peer)
     * @return generic netlink over it
     */
    public static GenericNetlink open(NetlinkConnection connection) {
        return new GenericNetlink(Objects.requireNonNull(connection, "connection"));
    }

    /**
     * The underlying request engine.
     *
     * @return the connection this object owns
     */
    public NetlinkConnection connection() {
        return connection;
    }

    /**
     * The family called {@code name}: from the cache, or asked of the kernel (one
     * CTRL_CMD_GETFAMILY request) the first time and cached.
     *
     * @param name the family's name, 1-{@value Genl#MAX_FAMILY_NAME} characters, e.g. {@code "IPVS"}
     * @return the family
     * @throws GenlFamilyNotFoundException the kernel has no such family
     * @throws IllegalArgumentException    the name is empty or too long
     * @throws NetlinkErrnoException       the kernel refused otherwise
     */
    public GenlFamily getFamily(String name) {
        GenlFamily cached = cache.get(Objects.requireNonNull(name, "name"));
        return cached != null ? cached : refreshFamily(name);
    }

    /**
     * Asks the kernel for the family again (one CTRL_CMD_GETFAMILY request; ids change when a
     * module is reloaded) and caches it.
     *
     * @param name the family's name, 1-{@value Genl#MAX_FAMILY_NAME} characters
     * @return the family
     * @throws GenlFamilyNotFoundException the kernel has no such family (it is removed from the cache)
     * @throws IllegalArgumentException    the name is empty or too long
     * @throws NetlinkErrnoException       the kernel refused otherwise
     */
    public GenlFamily refreshFamily(String name) {
        checkFamilyName(name);
        GenlFamily found;
        try {
            found = connection.request("nlctrl GETFAMILY " + name, Genl.GENL_ID_CTRL, 0, w -> {
                Genl.writeHeader(w, Genl.CTRL_CMD_GETFAMILY, 1);
                w.string(Genl.CTRL_ATTR_FAMILY_NAME, name);
            }, GenlFamilyCodec::decode);
        } catch (NetlinkErrnoException e) {
            cache.remove(name);
            if (e.errno() == Errno.ENOENT) {
                throw new GenlFamilyNotFoundException(name, e);
            }
            throw e;
        }
        cache.put(name, found);
        return found;
    }

    /**
     * A client for the family called {@code name} that follows it when the kernel registers it anew
     * (a module reloaded under another id): see {@link GenlFamilyClient}. Resolved as
     * {@link #getFamily} resolves (one CTRL_CMD_GETFAMILY request unless cached).
     *
     * @param name the family's name, 1-{@value Genl#MAX_FAMILY_NAME} characters, e.g. {@code "IPVS"}
     * @return the client, sending on this connection
     * @throws GenlFamilyNotFoundException the kernel has no such family
     * @throws IllegalArgumentException    the name is empty or too long
     * @throws NetlinkErrnoException       the kernel refused otherwise
     */
    public GenlFamilyClient familyClient(String name) {
        return new GenlFamilyClient(this, getFamily(name));
    }

    /**
     * A client for {@code family} as resolved before (sends nothing now), which follows it by its
     * name when the kernel no longer knows its id: see {@link GenlFamilyClient}.
     *
     * @param family the family, from {@link #getFamily}, {@link #getFamilies} or kept from earlier
     * @return the client, sending on this connection
     * @throws IllegalArgumentException the family's name is empty or too long
     */
    public GenlFamilyClient familyClient(GenlFamily family) {
        Objects.requireNonNull(family, "family");
        checkFamilyName(family.name());
        return new GenlFamilyClient(this, family);
    }

    /** Forgets every cached family. */
    public void clearCache() {
        cache.clear();
    }

    /**
     * Every generic netlink family of the kernel (a CTRL_CMD_GETFAMILY dump), in the kernel's
     * order. One dump per call, restarted like {@link NetlinkConnection#dump}. Refreshes the cache.
     *
     * @return the families
     * @throws NetlinkErrnoException  the kernel refused the dump
     * @throws io.netlink4j.NetlinkOverrunException          messages were lost in every attempt
     * @throws io.netlink4j.NetlinkDumpInterruptedException  the dump was interrupted in every attempt
     * @throws io.netlink4j.NetlinkTimeoutException          no reply within the receive timeout
     * @throws io.netlink4j.NetlinkClosedException           the connection was closed
     */
    public List<GenlFamily> getFamilies() {
        List<GenlFamily> out = connection.dump("nlctrl GETFAMILY dump", Genl.GENL_ID_CTRL, 0,
                w -> Genl.writeHeader(w, Genl.CTRL_CMD_GETFAMILY, 1), GenlFamilyCodec::decode);
        for (GenlFamily f : out) {
            cache.put(f.name(), f);
        }
        return List.copyOf(out);
    }

    /**
     * The attribute policies of a family (a CTRL_CMD_GETPOLICY dump, on every call), where the
     * kernel supports it (Linux 5.10 and later).
     *
     * @param familyName the family's name, 1-{@value Genl#MAX_FAMILY_NAME} characters
     * @return the family's policies
     * @throws IllegalArgumentException the name is empty or too long
     * @throws NetlinkErrnoException    the kernel refused, e.g. ENOENT for an unknown family, or
     *                                  EOPNOTSUPP where it cannot report policies
     */
    public GenlPolicy getPolicy(String familyName) {
        checkFamilyName(familyName);
        GenlPolicy.Builder builder = new GenlPolicy.Builder(familyName);
        connection.dumpEach("nlctrl GETPOLICY " + familyName, Genl.GENL_ID_CTRL, 0, w -> {
            Genl.writeHeader(w, Genl.CTRL_CMD_GETPOLICY, 1);
            w.string(Genl.CTRL_ATTR_FAMILY_NAME, familyName);
        }, builder::add);
        return builder.build();
    }

    /**
     * Sends {@code cmd} to {@code family} and waits for the ACK; see {@link NetlinkConnection#execute(String, int, int, RequestBody)}.
     *
     * @param operation  names the request in exceptions
     * @param family     the family, from {@link #getFamily}
     * @param cmd        the family's command number
     * @param attributes writes the attributes after the genl header
     * @throws NetlinkErrnoException                    the kernel refused
     * @throws io.netlink4j.NetlinkTimeoutException     no answer within the receive timeout
     * @throws io.netlink4j.NetlinkClosedException      this object was closed
     */
    public void execute(String operation, GenlFamily family, int cmd, RequestBody attributes) {
        connection.execute(operation, family.id(), 0, body(family, cmd, attributes));
    }

    /**
     * Sends {@code cmd} to {@code family} and returns its one reply, decoded; see {@link NetlinkConnection#request}.
     *
     * @param operation  names the request in exceptions
     * @param family     the family
     * @param cmd        the family's command number
     * @param attributes writes the attributes after the genl header
     * @param decoder    turns the reply into a value
     * @param <T>        the type of the value
     * @return the decoded reply
     * @throws NetlinkErrnoException                    the kernel refused
     * @throws io.netlink4j.NetlinkTimeoutException     no answer within the receive timeout
     * @throws io.netlink4j.NetlinkClosedException      this object was closed
     * @throws io.netlink4j.NetlinkDecodeException     acknowledged without a reply
     */
    public <T> T request(String operation, GenlFamily family, int cmd, RequestBody attributes, ReplyDecoder<T> decoder) {
        return connection.request(operation, family.id(), 0, body(family, cmd, attributes), decoder);
    }

    /**
     * Dumps {@code cmd} of {@code family} into a list; see {@link NetlinkConnection#dump}: made
     * again after an interruption or overrun, up to {@link NetlinkOptions#dumpAttempts()} times.
     *
     * @param operation  names the dump in exceptions
     * @param family     the family
     * @param cmd        the family's command number
     * @param attributes writes the attributes after the genl header
     * @param decoder    turns each reply into a value
     * @param <T>        the type of the values
     * @return the decoded replies, in order
     * @throws NetlinkErrnoException                    the kernel refused
     * @throws io.netlink4j.NetlinkTimeoutException     no answer within the receive timeout
     * @throws io.netlink4j.NetlinkClosedException      this object was closed
     * @throws io.netlink4j.NetlinkDumpInterruptedException the kernel flagged NLM_F_DUMP_INTR in every attempt
     * @throws io.netlink4j.NetlinkOverrunException      messages were lost to ENOBUFS in every attempt
     */
    public <T> List<T> dump(String operation, GenlFamily family, int cmd, RequestBody attributes, ReplyDecoder<T> decoder) {
        return connection.dump(operation, family.id(), 0, body(family, cmd, attributes), decoder);
    }

    /**
     * Sends {@code cmd} to {@code family} and waits for the ACK; replies go to {@code handler}.
     *
     * @param operation  names the request in exceptions
     * @param family     the family
     * @param cmd        the family's command number
     * @param attributes writes the attributes after the genl header
     * @param handler    receives each reply, in place
     * @throws NetlinkErrnoException                    the kernel refused
     * @throws io.netlink4j.NetlinkTimeoutException     no answer within the receive timeout
     * @throws io.netlink4j.NetlinkClosedException      this object was closed
     */
    public void execute(String operation, GenlFamily family, int cmd, RequestBody attributes, ReplyHandler handler) {
        connection.execute(operation, family.id(), 0, body(family, cmd, attributes), handler);
    }

    /**
     * Dumps {@code cmd} of {@code family}; each reply goes to {@code handler}, in bounded memory.
     *
     * @param operation  names the dump in exceptions
     * @param family     the family
     * @param cmd        the family's command number
     * @param attributes writes the attributes after the genl header
     * @param handler    receives each reply, in place
     * @throws NetlinkErrnoException                    the kernel refused
     * @throws io.netlink4j.NetlinkTimeoutException     no answer within the receive timeout
     * @throws io.netlink4j.NetlinkClosedException      this object was closed
     * @throws io.netlink4j.NetlinkDumpInterruptedException the kernel flagged NLM_F_DUMP_INTR (never restarted)
     * @throws io.netlink4j.NetlinkOverrunException      messages were lost to ENOBUFS (never restarted)
     */
    public void dumpEach(String operation, GenlFamily family, int cmd, RequestBody attributes, ReplyHandler handler) {
        connection.dumpEach(operation, family.id(), 0, body(family, cmd, attributes), handler);
    }

    /**
     * Dumps {@code cmd} of {@code family} as an iterator of decoded values, read as it is
     * consumed; see {@link NetlinkConnection#openDump} for the rules (close it, on its thread).
     *
     * @param operation  names the dump in exceptions
     * @param family     the family
     * @param cmd        the family's command number
     * @param attributes writes the attributes after the genl header
     * @param decoder    turns each reply into a value
     * @param <T>        the type of the values
     * @return the open dump
     * @throws io.netlink4j.NetlinkClosedException      this object was closed
     * @throws IllegalStateException                   the current thread is inside an exchange or dump of this connection
     */
    public <T> NetlinkDump<T> openDump(String operation, GenlFamily family, int cmd, RequestBody attributes, ReplyDecoder<T> decoder) {
        return connection.openDump(operation, family.id(), 0, body(family, cmd, attributes), decoder);
    }

    /**
     * A request for {@code cmd} of {@code family}, not sent: one operation of a batch, for
     * {@link NetlinkConnection#batch}.
     *
     * @param operation  names the request in the batch's failures
     * @param family     the family
     * @param cmd        the family's command number
     * @param attributes writes the attributes after the genl header
     * @return the request
     */
    public static Request batchRequest(String operation, GenlFamily family, int cmd, RequestBody attributes) {
        return new Request(operation, family.id(), 0, body(family, cmd, attributes));
    }

    private static RequestBody body(GenlFamily family, int cmd, RequestBody attributes) {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(attributes, "attributes");
        int version = family.version();
        return w -> {
            Genl.writeHeader(w, cmd, version);
            attributes.write(w);
        };
    }

    private static void checkFamilyName(String name) {
        Objects.requireNonNull(name, "family name");
        if (name.isEmpty() || name.length() > Genl.MAX_FAMILY_NAME) {
            throw new IllegalArgumentException("generic netlink family name '" + name + "': " + name.length()
                    + " characters (expected: 1-" + Genl.MAX_FAMILY_NAME + ")");
        }
    }

    /** Closes the connection. Idempotent. */
    @Override
    public void close() {
        connection.close();
    }
}
