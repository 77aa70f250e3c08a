// SPDX-FileCopyrightText: 2026 The netlink4j Authors
// SPDX-License-Identifier: Apache-2.0
package io.netlink4j.ipvs;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A whole IPVS table: services, each with its destinations. Read one from the kernel with
 * {@link IpvsHandle#getTable()}, build the one you want with {@link #builder()}, and let
 * {@link #changesTo} or {@link IpvsHandle#sync} work out the difference, the way a load-balancer
 * controller reconciles its desired state every few seconds.
 *
 * <p>A service is identified by its firewall mark, or by protocol, address and port (plus the
 * address family); a destination within its service by address and port. A table holds each
 * identity at most once. Whatever order they were added or read in, services come in
 * {@link Service#IDENTITY_ORDER} and each service's destinations in
 * {@link Destination#IDENTITY_ORDER}: the order {@code ipvsadm -S -n} lists a table in, so the
 * same table always lists, and compares, the same way. Immutable and safe to share between threads.
 *
 * <pre>{@code
 * IpvsTable desired = IpvsTable.builder()
 *         .add(web, List.of(backend1, backend2))
 *         .add(dns, List.of(resolver))
 *         .build();
 * IpvsBatch.Result result = ipvs.sync(desired);   // only what differs is sent
 * }</pre>
 */
public final class IpvsTable {
    private static final IpvsTable EMPTY = new IpvsTable(new LinkedHashMap<>());

    private final Map<ServiceKey, Entry> entries;

    private record Entry(Service service, Map<DestinationKey, Destination> destinations) {
    }

    /** {@code entries} in {@link Service#IDENTITY_ORDER}, each with its destinations in {@link Destination#IDENTITY_ORDER}. */
    private IpvsTable(LinkedHashMap<ServiceKey, Entry> entries) {
        this.entries = entries;
    }

    /** A table without services. */
    public static IpvsTable empty() {
        return EMPTY;
    }

    /** A builder for a table; services and destinations may be added in any order. */
    public static Builder builder() {
        return new Builder();
    }

    /** The services, in {@link Service#IDENTITY_ORDER}. */
    public List<Service> services() {
        List<Service> out = new ArrayList<>(entries.size());
        for (Entry e : entries.values()) {
            out.add(e.service());
        }
        return Collections.unmodifiableList(out);
    }

    /** Whether the table has a service with the identity of {@code service}; its settings are not compared. */
    public boolean contains(Service service) {
        return entries.containsKey(Objects.requireNonNull(service, "service").key());
    }

    /** The service of this table with the identity of {@code service} (and this table's settings), or empty. */
    public Optional<Service> service(Service service) {
        Entry e = entries.get(Objects.requireNonNull(service, "service").key());
        return e == null ? Optional.empty() : Optional.of(e.service());
    }

    /**
     * The destinations of the service with the identity of {@code service}, in
     * {@link Destination#IDENTITY_ORDER}.
     *
     * @throws IllegalArgumentException if the table has no such service
     */
    public List<Destination> destinations(Service service) {
        Entry e = entries.get(Objects.requireNonNull(service, "service").key());
        if (e == null) {
            throw new IllegalArgumentException("service " + service.describe() + " is not in the table (expected: one of its "
                    + entries.size() + " services)");
        }
        return List.copyOf(e.destinations().values());
    }

    /** The number of services. */
    public int serviceCount() {
        return entries.size();
    }

    /** The number of destinations of all services. */
    public int destinationCount() {
        int n = 0;
        for (Entry e : entries.values()) {
            n += e.destinations().size();
        }
        return n;
    }

    /** Whether the table has no services. */
    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /**
     * What turns this table into {@code target}, and nothing more: a change for every service or
     * destination that is missing, surplus or has other settings. Counters and connection counts
     * are not settings and are never compared. A destination of a deleted service is deleted with
     * it, not on its own. Empty when the two tables have the same settings.
     *
     * <p>The order is stable (the same two tables give the same list) and applies the changes
     * safely: by kind, in the order of {@link IpvsChange.Kind} (destination deletions, service
     * deletions, service updates, service creations, destination updates, destination creations:
     * a new service comes before its destinations); within a kind by service, in
     * {@link Service#IDENTITY_ORDER}, then by destination, in {@link Destination#IDENTITY_ORDER}.
     */
    public List<IpvsChange> changesTo(IpvsTable target) {
        Objects.requireNonNull(target, "target");
        ChangeList changes = new ChangeList();
        for (Map.Entry<ServiceKey, Entry> mine : entries.entrySet()) {
            Entry wanted = target.entries.get(mine.getKey());
            Service service = mine.getValue().service();
            if (wanted == null) {
                changes.deleteServices.add(IpvsChange.deleteService(service));
                continue;
            }
            for (Map.Entry<DestinationKey, Destination> d : mine.getValue().destinations().entrySet()) {
                if (!wanted.destinations().containsKey(d.getKey())) {
                    changes.deleteDestinations.add(IpvsChange.deleteDestination(wanted.service(), d.getValue()));
                }
            }
        }
        for (Map.Entry<ServiceKey, Entry> wanted : target.entries.entrySet()) {
            Entry mine = entries.get(wanted.getKey());
            Service service = wanted.getValue().service();
            if (mine == null) {
                changes.createServices.add(IpvsChange.createService(service));
                for (Destination d : wanted.getValue().destinations().values()) {
                    changes.createDestinations.add(IpvsChange.createDestination(service, d));
                }
                continue;
            }
            if (!mine.service().sameSettings(service)) {
                changes.updateServices.add(IpvsChange.updateService(mine.service(), service));
            }
            for (Map.Entry<DestinationKey, Destination> d : wanted.getValue().destinations().entrySet()) {
                Destination current = mine.destinations().get(d.getKey());
                if (current == null) {
                    changes.createDestinations.add(IpvsChange.createDestination(service, d.getValue()));
                } else if (!current.sameSettings(d.getValue())) {
                    changes.updateDestinations.add(IpvsChange.updateDestination(service, current, d.getValue()));
                }
            }
        }
        return changes.inOrder();
    }

    /**
     * The changes of one comparison gathered by kind, and returned in the order {@link #changesTo}
     * promises: by kind in the order of {@link IpvsChange.Kind}, each kind in the order it was
     * gathered in.
     */
    private static final class ChangeList {
        final List<IpvsChange> deleteDestinations = new ArrayList<>();
        final List<IpvsChange> deleteServices = new ArrayList<>();
        final List<IpvsChange> updateServices = new ArrayList<>();
        final List<IpvsChange> createServices = new ArrayList<>();
        final List<IpvsChange> updateDestinations = new ArrayList<>();
        final List<IpvsChange> createDestinations = new ArrayList<>();

        List<IpvsChange> inOrder() {
            List<IpvsChange> out = new ArrayList<>(deleteDestinations.size() + deleteServices.size() + updateServices.size()
                    + createServices.size() + updateDestinations.size() + createDestinations.size());
            out.addAll(deleteDestinations);
            out.addAll(deleteServices);
            out.addAll(updateServices);
            out.addAll(createServices);
            out.addAll(updateDestinations);
            out.addAll(createDestinations);
            return Collections.unmodifiableList(out);
        }
    }

    /** A comparison of the kernel's table, fed as its dumps arrive, with this one as the target. */
    Reconciliation reconciliation(int expectedServices) {
        return new Reconciliation(this, expectedServices);
    }

    /**
     * {@link #changesTo} from a table that is not built: the services and destinations a dump
     * reports are kept as they come (unsorted, unindexed; a service reported again replaces the
     * earlier report, as {@link Builder#addReported} does) and compared with the target by lookups
     * in its maps. The result is the list {@code current.changesTo(target)} returns for the table
     * {@code current} the same reports would build, in the same order. What costs a table read
     * (sorting the services and each service's destinations, a map per service) is left out; only
     * the changes themselves are sorted.
     */
    static final class Reconciliation {
        /** Up to this many destinations in a service, duplicates are looked for pairwise rather than with a set. */
        private static final int PAIRWISE = 16;

        private final IpvsTable target;
        private final HashMap<ServiceKey, Reported> reported;

        private record Reported(Service service, List<Destination> destinations) {
        }

        private Reconciliation(IpvsTable target, int expectedServices) {
            this.target = target;
            this.reported = new HashMap<>(Math.max(16, (int) (expectedServices / 0.75f) + 1));
        }

        /** A service as the kernel reported it, with its destinations. */
        void reported(Service service, List<Destination> destinations) {
            reported.put(service.key(), new Reported(service, destinations));
        }

        List<IpvsChange> changes() {
            ChangeList changes = new ChangeList();
            List<Service> surplusServices = new ArrayList<>();
            for (Map.Entry<ServiceKey, Reported> r : reported.entrySet()) {
                if (!target.entries.containsKey(r.getKey())) {
                    surplusServices.add(r.getValue().service());
                }
            }
            surplusServices.sort(Service.IDENTITY_ORDER);
            for (Service s : surplusServices) {
                changes.deleteServices.add(IpvsChange.deleteService(s));
            }
            for (Map.Entry<ServiceKey, Entry> wanted : target.entries.entrySet()) {
                Reported mine = reported.get(wanted.getKey());
                Service service = wanted.getValue().service();
                Map<DestinationKey, Destination> want = wanted.getValue().destinations();
                if (mine == null) {
                    changes.createServices.add(IpvsChange.createService(service));
                    for (Destination d : want.values()) {
                        changes.createDestinations.add(IpvsChange.createDestination(service, d));
                    }
                    continue;
                }
                if (!mine.service().sameSettings(service)) {
                    changes.updateServices.add(IpvsChange.updateService(mine.service(), service));
                }
                List<Destination> have = mine.destinations();
                if (sameIdentities(have, want)) {
                    // The common case: the same destinations; only settings may differ.
                    int first = changes.updateDestinations.size();
                    for (Destination current : have) {
                        Destination d = want.get(current.key());
                        if (!current.sameSettings(d)) {
                            changes.updateDestinations.add(IpvsChange.updateDestination(service, current, d));
                        }
                    }
                    if (changes.updateDestinations.size() - first > 1) {
                        changes.updateDestinations.subList(first, changes.updateDestinations.size())
                                .sort((a, b) -> Destination.IDENTITY_ORDER.compare(a.destination().orElseThrow(), b.destination().orElseThrow()));
                    }
                    continue;
                }
                // Destinations added or removed (or reported twice): index the reported ones, as a table would.
                HashMap<DestinationKey, Destination> current = new HashMap<>();
                for (Destination d : have) {
                    current.put(d.key(), d);
                }
                List<Destination> surplus = new ArrayList<>();
                for (Map.Entry<DestinationKey, Destination> d : current.entrySet()) {
                    if (!want.containsKey(d.getKey())) {
                        surplus.add(d.getValue());
                    }
                }
                surplus.sort(Destination.IDENTITY_ORDER);
                for (Destination d : surplus) {
                    changes.deleteDestinations.add(IpvsChange.deleteDestination(service, d));
                }
                for (Map.Entry<DestinationKey, Destination> d : want.entrySet()) {
                    Destination c = current.get(d.getKey());
                    if (c == null) {
                        changes.createDestinations.add(IpvsChange.createDestination(service, d.getValue()));
                    } else if (!c.sameSettings(d.getValue())) {
                        changes.updateDestinations.add(IpvsChange.updateDestination(service, c, d.getValue()));
                    }
                }
            }
            return changes.inOrder();
        }

        /** Whether {@code have} holds each identity of {@code want} exactly once, and nothing else. */
        private static boolean sameIdentities(List<Destination> have, Map<DestinationKey, Destination> want) {
            int n = have.size();
            if (n != want.size()) {
                return false;
            }
            for (Destination d : have) {
                if (!want.containsKey(d.key())) {
                    return false;
                }
            }
            // As many as wanted, each wanted: the same set unless one is reported twice.
            if (n <= PAIRWISE) {
                for (int i = 1; i < n; i++) {
                    DestinationKey k = have.get(i).key();
                    for (int j = 0; j < i; j++) {
                        if (k.equals(have.get(j).key())) {
                            return false;
                        }
                    }
                }
                return true;
            }
            HashMap<DestinationKey, Boolean> seen = new HashMap<>();
            for (Destination d : have) {
                if (seen.put(d.key(), Boolean.TRUE) != null) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * The services of this table that {@code scope} accepts, with their destinations, in the same
     * order. For a controller that owns only part of the kernel's table (the services it created,
     * a range of addresses, a set of firewall marks):
     * {@code ipvs.getTable().filter(owned).changesTo(desired)} never touches the rest.
     */
    public IpvsTable filter(Predicate<? super Service> scope) {
        Objects.requireNonNull(scope, "scope");
        LinkedHashMap<ServiceKey, Entry> out = new LinkedHashMap<>();
        for (Map.Entry<ServiceKey, Entry> e : entries.entrySet()) {
            if (scope.test(e.getValue().service())) {
                out.put(e.getKey(), e.getValue());
            }
        }
        return out.size() == entries.size() ? this : out.isEmpty() ? EMPTY : new IpvsTable(out);
    }

    /** Whether this table and {@code other} hold the same services and destinations with the same settings. */
    public boolean sameSettings(IpvsTable other) {
        return changesTo(other).isEmpty();
    }

    /** Equal when both hold the same services and destinations, counters included, in any order. */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof IpvsTable t) || t.entries.size() != entries.size()) {
            return false;
        }
        for (Map.Entry<ServiceKey, Entry> e : entries.entrySet()) {
            Entry other = t.entries.get(e.getKey());
            if (other == null || !other.service().equals(e.getValue().service())
                    || !other.destinations().equals(e.getValue().destinations())) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int h = 0;
        for (Entry e : entries.values()) {
            h += e.service().hashCode() ^ e.destinations().hashCode();
        }
        return h;
    }

    @Override
    public String toString() {
        return "IpvsTable[" + entries.size() + " services, " + destinationCount() + " destinations]";
    }

    /**
     * Builds a table; each service and each destination of a service may be added once, in any
     * order. Not thread safe.
     */
    public static final class Builder {
        private HashMap<ServiceKey, Pending> entries = new HashMap<>();

        private record Pending(Service service, HashMap<DestinationKey, Destination> destinations) {
        }

        private Builder() {
        }

        /**
         * Adds a service and its destinations.
         *
         * @throws IllegalArgumentException if the table already has the service, or if
         *                                  {@code destinations} names a destination twice; the
         *                                  builder is then as it was
         */
        public Builder add(Service service, Collection<Destination> destinations) {
            Objects.requireNonNull(service, "service");
            Objects.requireNonNull(destinations, "destinations");
            check();
            ServiceKey key = service.key();
            if (entries.containsKey(key)) {
                throw new IllegalArgumentException("service " + service.describe() + " added twice (expected: each service once)");
            }
            HashMap<DestinationKey, Destination> ds = new HashMap<>();
            for (Destination d : destinations) {
                put(ds, service, Objects.requireNonNull(d, "destination"));
            }
            entries.put(key, new Pending(service, ds));
            return this;
        }

        /** Adds a service and its destinations. */
        public Builder add(Service service, Destination... destinations) {
            return add(service, List.of(Objects.requireNonNull(destinations, "destinations")));
        }

        /**
         * Adds a destination to a service added before (only the service's identity is used, as
         * in an {@code ipvsadm -a} line).
         *
         * @throws IllegalArgumentException if the service has not been added, or already has the destination
         */
        public Builder addDestination(Service service, Destination destination) {
            Objects.requireNonNull(service, "service");
            Objects.requireNonNull(destination, "destination");
            check();
            Pending p = entries.get(service.key());
            if (p == null) {
                throw new IllegalArgumentException("destination " + destination.describe() + " for service " + service.describe()
                        + ", which is not in the table (expected: the service added first)");
            }
            put(p.destinations(), p.service(), destination);
            return this;
        }

        /**
         * Adds each service of {@code services} with its destinations.
         *
         * @throws IllegalArgumentException as {@link #add(Service, Collection)} does (the map's keys
         *                                  differ in settings, so two of them may name one service);
         *                                  the builder is then as it was
         */
        public Builder addAll(Map<Service, ? extends Collection<Destination>> services) {
            Objects.requireNonNull(services, "services");
            check();
            HashMap<ServiceKey, Pending> before = new HashMap<>(entries);
            try {
                services.forEach(this::add);
            } catch (RuntimeException e) {
                entries = before;
                throw e;
            }
            return this;
        }

        /**
         * Adds a service as a dump reports it: a service or destination the dump repeats (IPVS
         * dumps resume by position, so a table changing during the dump can repeat an entry)
         * replaces the earlier copy instead of being refused.
         */
        Builder addReported(Service service, Collection<Destination> destinations) {
            check();
            HashMap<DestinationKey, Destination> ds = new HashMap<>();
            for (Destination d : destinations) {
                ds.put(d.key(), d);
            }
            entries.put(service.key(), new Pending(service, ds));
            return this;
        }

        /** The table; the builder cannot be used afterwards. */
        public IpvsTable build() {
            check();
            // The maps are never changed after this and never leave the table (unwrapped: iterating
            // an unmodifiable view allocates a wrapper per entry, on the comparison's hot path).
            LinkedHashMap<ServiceKey, Entry> out = new LinkedHashMap<>();
            for (ServiceKey k : sorted(entries.keySet())) {
                Pending p = entries.get(k);
                LinkedHashMap<DestinationKey, Destination> ds = new LinkedHashMap<>();
                for (DestinationKey dk : sorted(p.destinations().keySet())) {
                    ds.put(dk, p.destinations().get(dk));
                }
                out.put(k, new Entry(p.service(), ds));
            }
            entries = null;
            return out.isEmpty() ? EMPTY : new IpvsTable(out);
        }

        private static <K extends Comparable<K>> List<K> sorted(Collection<K> keys) {
            List<K> out = new ArrayList<>(keys);
            Collections.sort(out);
            return out;
        }

        private static void put(HashMap<DestinationKey, Destination> ds, Service service, Destination d) {
            if (!d.addressFamily().equals(service.addressFamily()) && !d.forwardingMethod().equals(ForwardingMethod.TUNNEL)) {
                throw new IllegalArgumentException("destination " + d.describe() + " is " + d.addressFamily() + " but service "
                        + service.describe() + " is " + service.addressFamily()
                        + " (expected: the service's family, or TUNNEL forwarding, which the kernel allows across families)");
            }
            if (ds.putIfAbsent(d.key(), d) != null) {
                throw new IllegalArgumentException("destination " + d.describe() + " of service " + service.describe()
                        + " added twice (expected: each address and port once per service)");
            }
        }

        private void check() {
            if (entries == null) {
                throw new IllegalStateException("builder already built (expected: a new builder per table)");
            }
        }
    }
}
