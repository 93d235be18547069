package dev.plimsoll.check.cis.input.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * One container of a workload's pod spec.
 *
 * @param index position in its list ({@code containers[index]})
 * @param path  full dotted path of the container from the document root
 */
public record PodContainer(Type type, int index, String name, JsonNode spec, String path) {
    public enum Type {
        INIT("initContainers"), REGULAR("containers"), EPHEMERAL("ephemeralContainers");

        private final String field;

        Type(String field) {
            this.field = field;
        }

        /** The pod spec field that lists containers of this type. */
        public String field() {
            return field;
        }
    }

    public PodContainer {
        Objects.requireNonNull(type);
        Objects.requireNonNull(name);
        Objects.requireNonNull(spec);
        Objects.requireNonNull(path);
    }

    /** The full path of a field of this container ("securityContext.privileged"). */
    public String path(String relative) {
        return path + "." + relative;
    }

    /** The container's {@code securityContext}, a missing node when unset. */
    public JsonNode securityContext() {
        return spec.path("securityContext");
    }
}
