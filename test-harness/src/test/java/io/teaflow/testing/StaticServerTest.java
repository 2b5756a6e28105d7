package io.teaflow.testing;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The file server the browser tests stand on: MIME types, 404s, and no way out of its directory. */
class StaticServerTest {
    private static final String SECRET = "the secret next to the served directory";

    @TempDir
    static Path temp;
    private static StaticServer server;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @BeforeAll
    static void serveATree() throws IOException {
        Path root = Files.createDirectories(temp.resolve("root"));
        Files.createDirectories(root.resolve("dist"));
        for (String name : new String[] {"page.html", "dist/lib.js", "dist/lib.mjs", "data.json", "dist/lib.wasm",
                "dist/lib.js.map", "style.css", "shot.png"}) {
            Files.writeString(root.resolve(name), "content of " + name);
        }
        Files.writeString(temp.resolve("secret.txt"), SECRET);
        Files.createSymbolicLink(root.resolve("escape.txt"), temp.resolve("secret.txt"));
        server = StaticServer.start(root);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest
    @CsvSource({
            "/page.html, text/html",
            "/dist/lib.js, text/javascript",
            "/dist/lib.mjs, text/javascript",
            "/data.json, application/json",
            "/dist/lib.wasm, application/wasm",
            "/dist/lib.js.map, application/json",
            "/style.css, text/css",
            "/shot.png, image/png"})
    void servesFilesWithTheirMimeType(String path, String mimeType) throws Exception {
        HttpResponse<byte[]> response = get(path);
        assertEquals(200, response.statusCode());
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        assertTrue(contentType.startsWith(mimeType), path + " was served as " + contentType);
        assertArrayEquals(("content of " + path.substring(1)).getBytes(StandardCharsets.UTF_8), response.body());
    }

    @Test
    void answers404ForMissingFilesAndDirectories() throws Exception {
        assertEquals(404, get("/missing.js").statusCode());
        assertEquals(404, get("/dist/").statusCode());
    }

    @Test
    void servesAPathWithAQuery() throws Exception {
        assertEquals(200, get("/page.html?backend=js").statusCode());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/../secret.txt", "/dist/../../secret.txt", "/%2e%2e/secret.txt", "/dist/..%2f..%2fsecret.txt", "/escape.txt"})
    void refusesPathsLeavingTheDirectory(String rawPath) throws IOException {
        String response = rawGet(rawPath);
        assertFalse(response.contains(SECRET), rawPath + " leaked the file outside: " + response);
        assertTrue(response.startsWith("HTTP/1.1 403") || response.startsWith("HTTP/1.1 404") || response.startsWith("HTTP/1.1 400"),
                rawPath + " answered " + response.lines().findFirst().orElse(""));
    }

    private static HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(server.url(path))).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Sends the path byte for byte: HTTP clients would normalise the "..", which is what we want to test. */
    private static String rawGet(String rawPath) throws IOException {
        URI origin = URI.create(server.origin());
        try (Socket socket = new Socket(origin.getHost(), origin.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + rawPath + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
