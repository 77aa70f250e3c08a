// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ipvs;

import io.netlink4j.Errno;
import io.netlink4j.NetlinkErrnoException;
import io.netlink4j.codec.MessageReader;
import io.netlink4j.codec.MessageWriter;
import io.netlink4j.engine.ReplyDecoder;
import io.netlink4j.engine.Request;
import io.netlink4j.engine.RequestBody;
import io.netlink4j.genl.GenericNetlink;
import io.netlink4j.genl.GenlFamily;
import io.netlink4j.genl.GenlFamilyClient;
import io.netlink4j.genl.GenlFamilyNotFoundException;
import io.netlink4j.ipvs.internal.Ipvs;
import io.netlink4j.ipvs.internal.IpvsCodec;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Every IPVS operation, each described once: its kernel command, how its request is written from
 * its argument, how its reply is read, what the kernel's errnos mean for the object it names, and
 * the names used in messages. {@link IpvsHandle} and {@link IpvsBatch} are driven by these
 * descriptions and hold no protocol or error logic of their own.
 *
 * <p>Adding a command touches this class alone for its protocol and error logic: declare one
 * constant, made with {@link #acknowledged}, {@link #reply} or {@link #dump} (the latter two with
 * its reply decoder), giving its encoder, how messages name its object ({@link Builder#names}) and
 * the errnos that mean something for that object ({@link Builder#refuse}; EPERM and EACCES mean
 * the same for every command, anything else becomes a plain {@link IpvsException}). The public
 * surface then calls it in one line: {@link IpvsHandle} through {@code execute}, {@code request},
 * {@link #list} or {@link #forEach}, and {@link IpvsBatch} through {@code queue} when the command
 * changes state.
 *
 * @param <A> the argument: what the request is about ({@link Void} for none)
 * @param <R> the value of one reply ({@link Void} for a command answered by an ACK alone)
 */
final class IpvsCommand<A, R> {
    // Services.

    static final IpvsCommand<Service, Void> NEW_SERVICE = acknowledged(Ipvs.CMD_NEW_SERVICE, "NEW_SERVICE", Service.class)
            .encoder(IpvsCodec::writeService).names(IpvsCommand::service, Service::describe)
            .refuse(Errno.EEXIST, (s, e) -> new ServiceExistsException(service(s) + " already exists", e))
            .refuse(Errno.ESRCH, IpvsCommand::noSuchService)
            .refuse(Errno.ENOENT, IpvsCommand::unknownModule)
            .build();

    static final IpvsCommand<Service, Void> SET_SERVICE = acknowledged(Ipvs.CMD_SET_SERVICE, "SET_SERVICE", Service.class)
            .encoder(IpvsCodec::writeService).names(IpvsCommand::service, Service::describe)
            .refuse(Errno.ESRCH, IpvsCommand::noSuchService)
            .refuse(Errno.ENOENT, IpvsCommand::unknownModule)
            .build();

    static final IpvsCommand<Service, Void> DEL_SERVICE = acknowledged(Ipvs.CMD_DEL_SERVICE, "DEL_SERVICE", Service.class)
            .encoder(IpvsCodec::writeServiceIdentity).names(IpvsCommand::service, Service::describe)
            .refuse(Errno.ESRCH, IpvsCommand::noSuchService)
            .build();

    static final IpvsCommand<Service, Service> GET_SERVICE = reply(Ipvs.CMD_GET_SERVICE, "GET_SERVICE", Service.class,
                    (msg, s) -> IpvsCodec.decodeService(msg))
            .encoder(IpvsCodec::writeServiceIdentity)
            .names(IpvsCommand::service, Service::describe)
            .refuse(Errno.ESRCH, IpvsCommand::noSuchService)
            .build();

    static final IpvsCommand<Void, Service> GET_SERVICES = dump(Ipvs.CMD_GET_SERVICE, "GET_SERVICE dump", Void.class,
                    (msg, none) -> IpvsCodec.decodeService(msg))
            .build();

    static final IpvsCommand<Void, Void> FLUSH = acknowledged(Ipvs.CMD_FLUSH, "FLUSH", Void.class).build();

    // Destinations.

    static final IpvsCommand<ServiceDestination, Void> NEW_DEST = acknowledged(Ipvs.CMD_NEW_DEST, "NEW_DEST", ServiceDestination.class)
            .encoder(IpvsCommand::writeDestination).names(IpvsCommand::destination, IpvsCommand::label)
            .refuse(Errno.ESRCH, IpvsCommand::noSuchServiceOfDestination)
            .refuse(Errno.EEXIST, (sd, e) -> new DestinationExistsException(
                    "destination " + sd.destination().describe() + " already exists in " + service(sd.service()), e))
            .build();

    static final IpvsCommand<ServiceDestination, Void> SET_DEST = acknowledged(Ipvs.CMD_SET_DEST, "SET_DEST", ServiceDestination.class)
            .encoder(IpvsCommand::writeDestination).names(IpvsCommand::destination, IpvsCommand::label)
            .refuse(Errno.ESRCH, IpvsCommand::noSuchServiceOfDestination)
            .refuse(Errno.ENOENT, IpvsCommand::noSuchDestination)
            .build();

    static final IpvsCommand<ServiceDestination, Void> DEL_DEST = acknowledged(Ipvs.CMD_DEL_DEST, "DEL_DEST", ServiceDestination.class)
            .encoder((w, sd) -> {
                IpvsCodec.writeServiceIdentity(w, sd.service());
                IpvsCodec.writeDestinationIdentity(w, sd.destination());
            })
            .names(IpvsCommand::destination, IpvsCommand::label)
            .refuse(Errno.ESRCH, IpvsCommand::noSuchServiceOfDestination)
            .refuse(Errno.ENOENT, IpvsCommand::noSuchDestination)
            .build();

    static final IpvsCommand<Service, Destination> GET_DESTS = dump(Ipvs.CMD_GET_DEST, "GET_DEST dump", Service.class,
                    (msg, s) -> IpvsCodec.decodeDestination(msg, s.addressFamily()))
            .encoder(IpvsCodec::writeServiceIdentity)
            .names(IpvsCommand::service, Service::describe)
            .build();

    // Timeouts, information, counters.

    static final IpvsCommand<Void, Config> GET_CONFIG = reply(Ipvs.CMD_GET_CONFIG, "GET_CONFIG", Void.class,
                    (msg, none) -> IpvsCodec.decodeConfig(msg))
            .build();

    static final IpvsCommand<Config, Void> SET_CONFIG = acknowledged(Ipvs.CMD_SET_CONFIG, "SET_CONFIG", Config.class)
            .encoder(IpvsCodec::writeConfig)
            .build();

    static final IpvsCommand<Void, Info> GET_INFO = reply(Ipvs.CMD_GET_INFO, "GET_INFO", Void.class,
                    (msg, none) -> IpvsCodec.decodeInfo(msg))
            .build();

    static final IpvsCommand<Void, Void> ZERO_ALL = acknowledged(Ipvs.CMD_ZERO, "ZERO", Void.class).build();

    static final IpvsCommand<Service, Void> ZERO_SERVICE = acknowledged(Ipvs.CMD_ZERO, "ZERO", Service.class)
            .encoder(IpvsCodec::writeServiceIdentity).names(IpvsCommand::service, Service::describe)
            .refuse(Errno.ESRCH, IpvsCommand::noSuchService)
            .build();

    // Sync daemons.

    static final IpvsCommand<DaemonConfig, Void> NEW_DAEMON = acknowledged(Ipvs.CMD_NEW_DAEMON, "NEW_DAEMON", DaemonConfig.class)
            .encoder(IpvsCodec::writeDaemon).names(d -> d.state() + " sync daemon", d -> d.state().toString())
            .refuse(Errno.EEXIST, (d, e) -> new IpvsException("a " + d.state() + " sync daemon is already running", e))
            .build();

    static final IpvsCommand<DaemonConfig.State, Void> DEL_DAEMON = acknowledged(Ipvs.CMD_DEL_DAEMON, "DEL_DAEMON", DaemonConfig.State.class)
            .encoder(IpvsCodec::writeDaemonState).names(state -> state + " sync daemon", DaemonConfig.State::toString)
            .refuse(Errno.ESRCH, (state, e) -> new IpvsException("no " + state + " sync daemon is running", e))
            .build();

    static final IpvsCommand<Void, DaemonConfig> GET_DAEMONS = dump(Ipvs.CMD_GET_DAEMON, "GET_DAEMON dump", Void.class,
                    (msg, none) -> IpvsCodec.decodeDaemon(msg))
            .build();

    /** The argument of the destination commands: a destination and the service it belongs to. */
    record ServiceDestination(Service service, Destination destination) {
        ServiceDestination {
            Objects.requireNonNull(service, "service");
            Objects.requireNonNull(destination, "destination");
        }
    }

    /** Writes a request's attributes from its argument. */
    @FunctionalInterface
    interface Encoder<A> {
        void write(MessageWriter writer, A argument);
    }

    /** Reads one reply message; the argument supplies what the reply leaves out (a destination's family). */
    @FunctionalInterface
    interface Decoder<A, R> {
        R decode(MessageReader message, A argument);
    }

    /** The domain exception for one errno of one command. */
    @FunctionalInterface
    interface Refusal<A> {
        IpvsException of(A argument, NetlinkErrnoException cause);
    }

    private enum Kind { ACKNOWLEDGED, REPLY, DUMP }

    private final int cmd;
    private final String name;
    private final String operation;
    private final Kind kind;
    private final Class<A> argumentType;
    private final Encoder<A> encoder;
    private final Decoder<A, R> decoder;
    private final Function<A, String> subject;
    private final Function<A, String> label;
    private final Map<Integer, Refusal<A>> refusals;

    private IpvsCommand(Builder<A, R> b) {
        this.cmd = b.cmd;
        this.name = b.name;
        this.operation = "IPVS " + b.name;
        this.kind = b.kind;
        this.argumentType = b.argumentType;
        this.encoder = b.encoder;
        this.decoder = b.decoder;
        this.subject = b.subject;
        this.label = b.label;
        this.refusals = Map.copyOf(b.refusals);
    }

    /** A command the kernel answers with an ACK alone. */
    private static <A> Builder<A, Void> acknowledged(int cmd, String name, Class<A> argumentType) {
        return new Builder<>(cmd, name, Kind.ACKNOWLEDGED, argumentType, null);
    }

    /** A command the kernel answers with one reply, then the ACK. */
    private static <A, R> Builder<A, R> reply(int cmd, String name, Class<A> argumentType, Decoder<A, R> decoder) {
        return new Builder<>(cmd, name, Kind.REPLY, argumentType, Objects.requireNonNull(decoder, "decoder"));
    }

    /** A dump (NLM_F_DUMP): any number of replies, then NLMSG_DONE. */
    private static <A, R> Builder<A, R> dump(int cmd, String name, Class<A> argumentType, Decoder<A, R> decoder) {
        return new Builder<>(cmd, name, Kind.DUMP, argumentType, Objects.requireNonNull(decoder, "decoder"));
    }

    /** The operation with its object, for messages: {@code IPVS NEW_DEST TCP 10.0.0.1:80 -> 10.1.1.2:80}. */
    String describe(A argument) {
        return label == null || argument == null ? operation : operation + " " + label.apply(argument);
    }

    /**
     * {@code argument}, checked before anything is queued or sent.
     *
     * @throws NullPointerException if a command that takes an argument gets null
     */
    A checked(A argument, String what) {
        if (argumentType != Void.class) {
            Objects.requireNonNull(argument, what);
        }
        return argument;
    }

    /** The request's attributes (after the generic netlink header). */
    RequestBody body(A argument) {
        return encoder == null ? RequestBody.EMPTY : w -> encoder.write(w, argument);
    }

    /** The request as one operation of a batch. */
    Request request(GenlFamily family, A argument) {
        return GenericNetlink.batchRequest(operation, family, cmd, body(argument));
    }

    /** Sends the command and waits for its ACK. */
    void execute(GenlFamilyClient ipvs, A argument) {
        expect(Kind.ACKNOWLEDGED);
        try {
            ipvs.execute(operation, cmd, body(argument));
        } catch (GenlFamilyNotFoundException e) {
            throw familyGone(ipvs, e);
        } catch (NetlinkErrnoException e) {
            throw refused(argument, e);
        }
    }

    /** Sends the command and returns its one reply. */
    R request(GenlFamilyClient ipvs, A argument) {
        expect(Kind.REPLY);
        try {
            return ipvs.request(operation, cmd, body(argument), decoder(argument));
        } catch (GenlFamilyNotFoundException e) {
            throw familyGone(ipvs, e);
        } catch (NetlinkErrnoException e) {
            throw refused(argument, e);
        }
    }

    /**
     * Dumps into a list; the engine makes the dump again when the kernel reports lost messages (a
     * receive buffer overrun) or a table changed during the dump (NLM_F_DUMP_INTR), up to
     * {@code NetlinkOptions.dumpAttempts()} times.
     */
    List<R> list(GenlFamilyClient ipvs, A argument) {
        expect(Kind.DUMP);
        try {
            return ipvs.dump(operation, cmd, body(argument), decoder(argument));
        } catch (GenlFamilyNotFoundException e) {
            throw familyGone(ipvs, e);
        } catch (NetlinkErrnoException e) {
            throw refused(argument, e);
        }
    }

    /** Dumps to {@code action}, value by value, in bounded memory; not restarted. */
    void forEach(GenlFamilyClient ipvs, A argument, Consumer<? super R> action) {
        expect(Kind.DUMP);
        ReplyDecoder<R> d = decoder(argument);
        try {
            ipvs.dumpEach(operation, cmd, body(argument), msg -> {
                R value = d.decode(msg);
                try {
                    action.accept(value);
                } catch (RuntimeException e) {
                    throw new ActionFailure(e);
                }
            });
        } catch (ActionFailure f) {
            throw (RuntimeException) f.getCause();
        } catch (GenlFamilyNotFoundException e) {
            throw familyGone(ipvs, e);
        } catch (NetlinkErrnoException e) {
            throw refused(argument, e);
        }
    }

    /** Carries what a caller's action threw through the engine, so it is not taken for the kernel's refusal. */
    private static final class ActionFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ActionFailure(RuntimeException cause) {
            super(null, cause, false, false);
        }
    }

    /**
     * The IPVS family gone while a handle was open (ip_vs removed): the client's lookup after an
     * ENOENT found no family. Says what to load and that the handle works again then.
     */
    private static GenlFamilyNotFoundException familyGone(GenlFamilyClient ipvs, GenlFamilyNotFoundException e) {
        GenlFamilyNotFoundException gone = new GenlFamilyNotFoundException(Ipvs.FAMILY_NAME, "IPVS is no longer in this kernel"
                + ipvs.genericNetlink().connection().options().netns().map(netns -> " (namespace " + netns + ")").orElse("")
                + " (was the ip_vs module removed?): load the ip_vs kernel module (modprobe ip_vs); this handle then works again", e);
        for (Throwable refusal : e.getSuppressed()) {
            gone.addSuppressed(refusal);
        }
        return gone;
    }

    /** The kernel's refusal of this command, as the exception that names its object. */
    IpvsException refused(A argument, NetlinkErrnoException e) {
        int errno = e.errno();
        if (errno == Errno.EPERM || errno == Errno.EACCES) {
            return new IpvsException(describe(argument)
                    + ": permission denied: IPVS needs CAP_NET_ADMIN in the network namespace", e);
        }
        Refusal<A> refusal = refusals.get(errno);
        if (refusal != null) {
            return refusal.of(argument, e);
        }
        String what = subject == null || argument == null ? "" : " " + subject.apply(argument);
        return new IpvsException(operation + what + " failed", e);
    }

    private ReplyDecoder<R> decoder(A argument) {
        return msg -> decoder.decode(msg, argument);
    }

    private void expect(Kind expected) {
        if (kind != expected) {
            throw new IllegalStateException(operation + " is answered by " + kind + ", not " + expected);
        }
    }

    // What the errnos mean.

    private static String service(Service s) {
        return "service " + s.describe();
    }

    private static String destination(ServiceDestination sd) {
        return "destination " + sd.destination().describe() + " of " + service(sd.service());
    }

    private static String label(ServiceDestination sd) {
        return sd.service().describe() + " -> " + sd.destination().describe();
    }

    private static void writeDestination(MessageWriter w, ServiceDestination sd) {
        IpvsCodec.writeServiceIdentity(w, sd.service());
        IpvsCodec.writeDestination(w, sd.destination());
    }

    private static IpvsException noSuchService(Service s, NetlinkErrnoException e) {
        return new NoSuchServiceException("no such " + service(s), e);
    }

    private static IpvsException noSuchServiceOfDestination(ServiceDestination sd, NetlinkErrnoException e) {
        return new NoSuchServiceException("no such " + service(sd.service()) + " (for destination " + sd.destination().describe() + ")", e);
    }

    private static IpvsException noSuchDestination(ServiceDestination sd, NetlinkErrnoException e) {
        return new NoSuchDestinationException("no destination " + sd.destination().describe() + " in " + service(sd.service()), e);
    }

    /** ENOENT on NEW_SERVICE or SET_SERVICE: the scheduler, or else the persistence engine, is not in the kernel. */
    private static IpvsException unknownModule(Service s, NetlinkErrnoException e) {
        if (!s.scheduler().isKnown() || s.persistenceEngine().isEmpty()) {
            String module = s.scheduler().module();
            return new UnknownSchedulerException("unknown scheduler '" + s.scheduler() + "' for " + service(s)
                    + " (is kernel module " + module + " available?)", module, e);
        }
        PersistenceEngine pe = s.persistenceEngine().get();
        return new UnknownSchedulerException("unknown persistence engine '" + pe + "' for " + service(s)
                + " (is kernel module " + pe.module() + " available?)", pe.module(), e);
    }

    /** Collects one description; {@link #build()} freezes it. */
    private static final class Builder<A, R> {
        private final int cmd;
        private final String name;
        private final Kind kind;
        private final Class<A> argumentType;
        private Encoder<A> encoder;
        private final Decoder<A, R> decoder;
        private Function<A, String> subject;
        private Function<A, String> label;
        private final Map<Integer, Refusal<A>> refusals = new HashMap<>();

        private Builder(int cmd, String name, Kind kind, Class<A> argumentType, Decoder<A, R> decoder) {
            this.cmd = cmd;
            this.name = name;
            this.kind = kind;
            this.argumentType = argumentType;
            this.decoder = decoder;
        }

        Builder<A, R> encoder(Encoder<A> e) {
            this.encoder = e;
            return this;
        }

        /**
         * How messages name the object: in exceptions ({@code service TCP 10.0.0.1:80}) and
         * after the operation in a batch's failures ({@code TCP 10.0.0.1:80}).
         */
        Builder<A, R> names(Function<A, String> subject, Function<A, String> label) {
            this.subject = subject;
            this.label = label;
            return this;
        }

        /** What {@code errno} means for this command's object. */
        Builder<A, R> refuse(int errno, Refusal<A> refusal) {
            if (refusals.putIfAbsent(errno, refusal) != null) {
                throw new IllegalStateException(name + ": errno " + errno + " described twice");
            }
            return this;
        }

        IpvsCommand<A, R> build() {
            if ((kind == Kind.ACKNOWLEDGED) != (decoder == null)) {
                throw new IllegalStateException(name + ": " + kind + (decoder == null ? " without" : " with") + " a decoder");
            }
            if ((argumentType == Void.class) != (encoder == null)) {
                throw new IllegalStateException(name + ": argument " + argumentType.getSimpleName()
                        + (encoder == null ? " without" : " with") + " an encoder");
            }
            return new IpvsCommand<>(this);
        }
    }
}
