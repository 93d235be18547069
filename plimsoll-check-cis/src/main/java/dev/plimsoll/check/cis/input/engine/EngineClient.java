package dev.plimsoll.check.cis.input.engine;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plimsoll.check.cis.InputProblem;
import dev.plimsoll.check.cis.Loaded;
import dev.plimsoll.check.cis.input.DockerValues;
import dev.plimsoll.check.cis.input.inspect.DockerInspectReader;
import dev.plimsoll.check.cis.run.RunConfig;
import dev.plimsoll.dockerapi.EngineEndpoint;
import dev.plimsoll.dockerapi.EngineException;
import dev.plimsoll.dockerapi.EngineHttp;
import dev.plimsoll.dockerapi.EngineTls;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a live Docker Engine through its API socket: the running containers (GET /containers/json, then
 * /containers/{id}/json for each, read by {@link DockerInspectReader}), and /info and /version for the daemon and
 * host sections. Every request has a deadline and a body size limit; nothing is sent but GET requests. The transport
 * (unix socket, TCP, TLS) is plimsoll-dockerapi's.
 */
public final class EngineClient {
    public static final String SOURCE = "Docker Engine API";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    public static final long DEFAULT_MAX_BODY_BYTES = 32L * 1024 * 1024;
    /** The engine's ids; anything else is not put into a request path. */
    private static final Pattern CONTAINER_ID = Pattern.compile("[0-9a-f]{12,64}");
    private static final int MAX_CONTAINERS = 10_000;

    private final EngineEndpoint endpoint;
    private final EngineHttp http;
    private final long maxBodyBytes;
    private final ObjectMapper mapper;

    /** A plain HTTP engine (a unix socket, or TCP without TLS). */
    public EngineClient(EngineEndpoint endpoint, Duration timeout, long maxBodyBytes) {
        this(new EngineHttp(endpoint, Optional.empty(), timeout), maxBodyBytes);
    }

    public EngineClient(EngineHttp http, long maxBodyBytes) {
        this.endpoint = http.endpoint();
        this.http = http;
        this.maxBodyBytes = maxBodyBytes;
        this.mapper = new ObjectMapper(JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(100).build()).build());
    }

    /**
     * An engine reached with TLS when {@code tls} is present.
     *
     * @throws IllegalArgumentException when {@code dockerHost} is not unix:// or tcp://, or TLS is asked for a unix
     *                                  socket
     * @throws EngineException          when a TLS file cannot be read (the message names it)
     */
    public static EngineClient connect(String dockerHost, Optional<EngineTls> tls) throws EngineException {
        EngineEndpoint endpoint = EngineEndpoint.parse(dockerHost);
        Optional<EngineTls.Context> context = tls.isEmpty() ? Optional.empty() : Optional.of(tls.get().load());
        return new EngineClient(new EngineHttp(endpoint, context, DEFAULT_TIMEOUT), DEFAULT_MAX_BODY_BYTES);
    }

    public EngineEndpoint endpoint() {
        return endpoint;
    }

    /**
     * The running containers, as docker-bench-security audits them; one that cannot be inspected is a problem
     * naming it, the others are still read.
     */
    public Loaded<RunConfig> containers() {
        return containers(false);
    }

    /** @param includeStopped also created and exited containers ({@code docker ps -a}) */
    public Loaded<RunConfig> containers(boolean includeStopped) {
        String listPath = includeStopped ? "/containers/json?all=1" : "/containers/json";
        JsonNode list;
        try {
            list = getJson(listPath);
        } catch (EngineException e) {
            return Loaded.failed(new InputProblem(SOURCE + " (" + endpoint.dockerHost() + ")", "GET " + listPath,
                    e.getMessage()));
        }
        if (!list.isArray()) {
            return Loaded.failed(new InputProblem(SOURCE, "GET " + listPath, "expected a JSON array"));
        }
        if (list.size() > MAX_CONTAINERS) {
            return Loaded.failed(new InputProblem(SOURCE, "GET " + listPath,
                    "more than " + MAX_CONTAINERS + " containers"));
        }
        Loaded<RunConfig> all = Loaded.of(List.of());
        List<InputProblem> problems = new ArrayList<>();
        for (JsonNode summary : list) {
            String id = summary.path("Id").asText("");
            if (!CONTAINER_ID.matcher(id).matches()) {
                problems.add(new InputProblem(SOURCE, "GET " + listPath,
                        "a container with an invalid id \"" + DockerValues.abbreviate(id) + "\""));
                continue;
            }
            String path = "/containers/" + id + "/json";
            try {
                all = all.plus(DockerInspectReader.read(SOURCE + " " + path, getJson(path)));
            } catch (EngineException e) {
                problems.add(new InputProblem(SOURCE, "GET " + path, e.getMessage()));
            }
        }
        return all.plus(new Loaded<>(List.of(), problems));
    }

    /** GET /info, or empty when the engine cannot be asked (the reason is in {@link #getJson}'s exception). */
    public Optional<JsonNode> info() {
        return optional("/info");
    }

    /** GET /version, or empty when the engine cannot be asked. */
    public Optional<JsonNode> version() {
        return optional("/version");
    }

    private Optional<JsonNode> optional(String path) {
        try {
            return Optional.of(getJson(path));
        } catch (EngineException e) {
            return Optional.empty();
        }
    }

    /** One GET request whose answer must be 200 with a JSON body. */
    public JsonNode getJson(String path) throws EngineException {
        EngineHttp.Response response = http.get(path, maxBodyBytes);
        if (response.status() != 200) {
            throw new EngineException("GET " + path + ": HTTP " + response.status() + errorMessage(response.body()));
        }
        try {
            JsonNode node = mapper.readTree(response.body());
            if (node == null || node.isMissingNode()) {
                throw new EngineException("GET " + path + ": empty response");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new EngineException("GET " + path + ": the response is not valid JSON (line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
        } catch (IOException e) {
            throw new EngineException("GET " + path + ": " + e.getMessage(), e);
        }
    }

    /** The engine's own error message ({"message": "..."}), abbreviated. */
    private String errorMessage(byte[] body) {
        try {
            JsonNode message = mapper.readTree(body).path("message");
            if (message.isTextual()) {
                return ": " + DockerValues.abbreviate(message.asText());
            }
        } catch (IOException e) {
            // not JSON: the status alone says it
        }
        return body.length == 0 ? "" : ": " + DockerValues.abbreviate(new String(body, StandardCharsets.UTF_8)
                .strip());
    }
}
