package dev.plimsoll.check.cis.input.k8s;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The ServiceAccounts of one audit input (every file and document given to one audit, List items included), by
 * namespace and name: the lookup a workload's checks use to follow a pod to the account it runs as. Immutable, so the
 * workloads that share it can be audited in parallel.
 */
public final class ServiceAccounts {
    /** An input without ServiceAccounts. */
    public static final ServiceAccounts NONE = new ServiceAccounts(Map.of());

    private final Map<Key, ServiceAccount> byName;

    private ServiceAccounts(Map<Key, ServiceAccount> byName) {
        this.byName = byName;
    }

    /**
     * Indexes {@code accounts} in input order; of two with the same namespace and name the later one wins, as the
     * later object wins when {@code kubectl apply} is given the same files in the same order.
     */
    public static ServiceAccounts of(List<ServiceAccount> accounts) {
        if (accounts.isEmpty()) {
            return NONE;
        }
        Map<Key, ServiceAccount> byName = new HashMap<>();
        for (ServiceAccount account : accounts) {
            byName.put(new Key(account.namespace(), account.name()), account);
        }
        return new ServiceAccounts(Map.copyOf(byName));
    }

    /** The account {@code name} in {@code namespace} ("" matches only accounts that leave the namespace unset). */
    public Optional<ServiceAccount> find(String namespace, String name) {
        return Optional.ofNullable(byName.get(new Key(namespace, name)));
    }

    public int size() {
        return byName.size();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ServiceAccounts other && byName.equals(other.byName);
    }

    @Override
    public int hashCode() {
        return byName.hashCode();
    }

    /** Short: every workload of an input carries the index, and a workload's own text should not list them all. */
    @Override
    public String toString() {
        return "ServiceAccounts[" + byName.size() + "]";
    }

    private record Key(String namespace, String name) {
        Key {
            Objects.requireNonNull(namespace);
            Objects.requireNonNull(name);
        }
    }
}
