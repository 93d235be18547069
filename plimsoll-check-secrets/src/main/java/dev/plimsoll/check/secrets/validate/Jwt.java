package dev.plimsoll.check.secrets.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A JSON Web Token: three base64url parts, the first decoding to a JSON object with "alg" (RFC 7515 section 4.1.1
 * makes it mandatory). Three dotted base64 parts alone also match version strings and minified identifiers.
 */
public final class Jwt {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Jwt() {
    }

    public static boolean valid(String token) {
        String[] parts = token.trim().split("\\.", -1);
        if (parts.length != 3 || parts[0].isEmpty() || parts[1].isEmpty()) {
            return false;
        }
        try {
            byte[] header = Base64.getUrlDecoder().decode(strip(parts[0]));
            JsonNode node = JSON.readTree(new String(header, StandardCharsets.UTF_8));
            if (node == null || !node.isObject() || !node.hasNonNull("alg")) {
                return false;
            }
            Base64.getUrlDecoder().decode(strip(parts[1]));
            return true;
        } catch (Exception e) {   // any malformed part: not a JWT (the value is never put in a message)
            return false;
        }
    }

    private static String strip(String part) {
        int end = part.length();
        while (end > 0 && part.charAt(end - 1) == '=') {
            end--;
        }
        return part.substring(0, end);
    }
}
