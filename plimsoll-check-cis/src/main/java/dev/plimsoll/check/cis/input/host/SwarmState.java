package dev.plimsoll.check.cis.input.host;

import java.util.Objects;
import java.util.Optional;

/**
 * What a host root tells about its swarm membership, from the daemon's state directory
 * ({@code DATA_ROOT/swarm}): docker-state.json (listen, advertise and data-path addresses) and the node certificate,
 * whose organisational unit is {@code swarm-manager} on managers. Autolock encrypts the node's TLS key.
 *
 * @param stateFile    the docker-state.json read
 * @param manager      whether the node certificate names a manager; empty when there is no readable certificate
 * @param keyEncrypted whether swarm-node.key is an encrypted PEM block (autolock); empty when there is no key
 */
public record SwarmState(String stateFile, Optional<String> listenAddr, Optional<String> advertiseAddr,
                         Optional<String> dataPathAddr, Optional<Boolean> manager, Optional<Boolean> keyEncrypted) {
    public SwarmState {
        Objects.requireNonNull(stateFile);
        Objects.requireNonNull(listenAddr);
        Objects.requireNonNull(advertiseAddr);
        Objects.requireNonNull(dataPathAddr);
        Objects.requireNonNull(manager);
        Objects.requireNonNull(keyEncrypted);
    }
}
