package dev.plimsoll.image.registry;

import java.util.List;
import java.util.Optional;

/** Finds the credential for a registry host (as written in the reference, e.g. {@code docker.io}, {@code host:5000}). */
@FunctionalInterface
public interface CredentialSource {
    Optional<Credential> find(String registry);

    static CredentialSource none() {
        return registry -> Optional.empty();
    }

    /** One credential for one registry only, as --username/--password-stdin and the environment give it. */
    static CredentialSource forRegistry(String registry, Credential credential) {
        return r -> r.equals(registry) ? Optional.of(credential) : Optional.empty();
    }

    /** The first source that knows the registry wins. */
    static CredentialSource firstOf(List<CredentialSource> sources) {
        List<CredentialSource> copy = List.copyOf(sources);
        return registry -> copy.stream().map(s -> s.find(registry)).flatMap(Optional::stream).findFirst();
    }
}
