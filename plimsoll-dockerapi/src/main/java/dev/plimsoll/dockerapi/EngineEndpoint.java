package dev.plimsoll.dockerapi;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.UnixDomainSocketAddress;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the Docker Engine API listens, as {@code DOCKER_HOST}/{@code --docker-host} writes it:
 * {@code unix:///var/run/docker.sock} or {@code tcp://host:port}. Whether a TCP engine speaks TLS is not part of
 * the address (docker decides it from --tls/--tlsverify and DOCKER_TLS_VERIFY): see {@link EngineTls}.
 */
public record EngineEndpoint(String dockerHost, SocketAddress address) {
    public static final String DEFAULT_HOST = "unix:///var/run/docker.sock";

    public EngineEndpoint {
        Objects.requireNonNull(dockerHost);
        Objects.requireNonNull(address);
    }

    /** The host name a TLS engine's certificate must carry; empty for a unix socket. */
    public java.util.Optional<String> tcpHost() {
        return address instanceof InetSocketAddress inet ? java.util.Optional.of(inet.getHostString())
                : java.util.Optional.empty();
    }

    /** @throws IllegalArgumentException for another scheme or a malformed address, naming the value */
    public static EngineEndpoint parse(String dockerHost) {
        if (dockerHost.startsWith("unix://")) {
            String path = dockerHost.substring("unix://".length());
            if (!path.startsWith("/")) {
                throw new IllegalArgumentException("docker host " + dockerHost + ": the socket path must be absolute");
            }
            return new EngineEndpoint(dockerHost, UnixDomainSocketAddress.of(Path.of(path)));
        }
        if (dockerHost.startsWith("tcp://")) {
            String rest = dockerHost.substring("tcp://".length());
            int slash = rest.indexOf('/');
            if (slash >= 0) {
                rest = rest.substring(0, slash);
            }
            String host = rest;
            String portText = "";
            if (rest.startsWith("[")) {
                int close = rest.indexOf(']');
                if (close < 0 || close + 1 < rest.length() && rest.charAt(close + 1) != ':') {
                    throw new IllegalArgumentException("docker host " + dockerHost + ": bad IPv6 address");
                }
                host = rest.substring(1, close);
                portText = close + 1 < rest.length() ? rest.substring(close + 2) : "";
            } else if (rest.indexOf(':') >= 0) {
                host = rest.substring(0, rest.indexOf(':'));
                portText = rest.substring(rest.indexOf(':') + 1);
            }
            int port = 2375;
            if (!portText.isEmpty()) {
                try {
                    port = Integer.parseInt(portText);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("docker host " + dockerHost + ": bad port");
                }
            }
            if (host.isEmpty() || port < 1 || port > 65_535) {
                throw new IllegalArgumentException("docker host " + dockerHost + ": expected tcp://host:port");
            }
            return new EngineEndpoint(dockerHost, InetSocketAddress.createUnresolved(host, port));
        }
        throw new IllegalArgumentException("docker host " + dockerHost
                + ": expected unix:///path/to/docker.sock or tcp://host:port");
    }
}
