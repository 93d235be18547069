package dev.plimsoll.check.cis.input.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * A core/v1 ServiceAccount read from the same audit input as the workloads: what decides whether a pod that leaves
 * {@code automountServiceAccountToken} unset gets the API token mounted.
 *
 * @param namespace   {@code metadata.namespace}, "" when the manifest leaves it to the apply context (the same rule
 *                    as {@link Workload#namespace()})
 * @param file        the file (or source name) it was read from
 * @param document    1-based number of the YAML document in that file
 * @param line        1-based line of the object
 * @param objectPath  dotted path from the document root to the object: "" at the top, {@code items[3]} in a List
 * @param automountServiceAccountToken the field's value as read, a missing node when unset
 */
public record ServiceAccount(String namespace, String name, String file, int document, int line, String objectPath,
                             JsonNode automountServiceAccountToken) {
    public ServiceAccount {
        Objects.requireNonNull(namespace);
        Objects.requireNonNull(name);
        Objects.requireNonNull(file);
        Objects.requireNonNull(objectPath);
        Objects.requireNonNull(automountServiceAccountToken);
    }

    /** "shop/web", or "web" without a namespace: how a pod's message names it. */
    public String reference() {
        return reference(namespace, name);
    }

    /** The full path of the automount field, e.g. {@code automountServiceAccountToken} or {@code items[3].…}. */
    public String automountPath() {
        return (objectPath.isEmpty() ? "" : objectPath + ".") + "automountServiceAccountToken";
    }

    /** How a ServiceAccount is named in messages, whether or not the input declares it. */
    public static String reference(String namespace, String name) {
        return namespace.isEmpty() ? name : namespace + "/" + name;
    }
}
