package dev.plimsoll.cli.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

/**
 * A token service as distribution's token auth expects one: GET /token?service=S&scope=repository:NAME:pull with
 * basic credentials, or the OAuth2 POST form with grant_type=refresh_token and the identity token, answers a JWT
 * (RS256, the signing certificate in x5c) granting what the scope asks.
 */
public final class TokenServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    public static final String SERVICE = "plimsoll-test-registry";
    public static final String ISSUER = "plimsoll-test-issuer";
    private final HttpServer server;
    private final TestCerts signer;
    private final String user;
    private final String password;
    private final List<String> scopes = Collections.synchronizedList(new ArrayList<>());
    private final List<String> issued = Collections.synchronizedList(new ArrayList<>());

    /** The refresh token ("identitytoken" in docker's config) this server accepts in its POST form. */
    public static final String IDENTITY_TOKEN = "identity-Refresh-planted-7f3a";

    public TokenServer(TestCerts signer, String user, String password) throws IOException {
        this.signer = signer;
        this.user = user;
        this.password = password;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/token", this::token);
        server.start();
    }

    public String realm() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/token";
    }

    /** The scopes asked for, in order. */
    public List<String> scopes() {
        return List.copyOf(scopes);
    }

    /** Every token handed out. */
    public List<String> issued() {
        return List.copyOf(issued);
    }

    private void token(HttpExchange exchange) throws IOException {
        try (exchange) {
            String query = exchange.getRequestURI().getRawQuery();
            if (exchange.getRequestMethod().equals("POST")) {
                query = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                if (!query.contains("grant_type=refresh_token") || !query.contains("refresh_token="
                        + java.net.URLEncoder.encode(IDENTITY_TOKEN, StandardCharsets.UTF_8))) {
                    exchange.sendResponseHeaders(401, -1);
                    return;
                }
            } else {
                String expected = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                        .getBytes(StandardCharsets.UTF_8));
                if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                    exchange.sendResponseHeaders(401, -1);
                    return;
                }
            }
            String scope = "";
            for (String pair : (query == null ? "" : query).split("&")) {
                if (pair.startsWith("scope=")) {
                    scope = URLDecoder.decode(pair.substring(6), StandardCharsets.UTF_8);
                }
            }
            scopes.add(scope);
            String token = jwt(scope);
            issued.add(token);
            byte[] body = JSON.writeValueAsBytes(JSON.createObjectNode().put("token", token)
                    .put("access_token", token).put("expires_in", 300));
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (GeneralSecurityException e) {
            throw new IOException(e);
        }
    }

    private String jwt(String scope) throws GeneralSecurityException, IOException {
        ObjectNode header = JSON.createObjectNode().put("typ", "JWT").put("alg", "RS256");
        header.putArray("x5c").add(Base64.getEncoder().encodeToString(signer.x509().getEncoded()));
        long now = System.currentTimeMillis() / 1000;
        ObjectNode claims = JSON.createObjectNode().put("iss", ISSUER).put("sub", user).put("aud", SERVICE)
                .put("exp", now + 300).put("nbf", now - 10).put("iat", now).put("jti", UUID.randomUUID().toString());
        String[] parts = scope.split(":");
        if (parts.length == 3) {
            ObjectNode access = claims.putArray("access").addObject().put("type", parts[0]).put("name", parts[1]);
            for (String action : parts[2].split(",")) {
                access.withArray("actions").add(action);
            }
        } else {
            claims.putArray("access");
        }
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String signingInput = b64.encodeToString(JSON.writeValueAsBytes(header)) + "."
                + b64.encodeToString(JSON.writeValueAsBytes(claims));
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initSign(signer.privateKey());
        s.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + b64.encodeToString(s.sign());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
