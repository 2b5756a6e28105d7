package io.teaflow.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Serves the files under one directory over HTTP on the loopback address, on a free port.
 * Pages need a real origin (ES modules and WebAssembly streaming refuse file: URLs), and
 * the JDK server keeps the module free of extra dependencies.
 */
final class StaticServer implements AutoCloseable {
    private static final Map<String, String> MIME_TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("mjs", "text/javascript; charset=utf-8"),
            Map.entry("json", "application/json; charset=utf-8"),
            Map.entry("map", "application/json; charset=utf-8"),
            Map.entry("wasm", "application/wasm"),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("png", "image/png"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("ts", "text/plain; charset=utf-8"),
            Map.entry("txt", "text/plain; charset=utf-8"));

    private final Path root;
    private final HttpServer server;
    private final ExecutorService executor;

    private StaticServer(Path root, HttpServer server, ExecutorService executor) {
        this.root = root;
        this.server = server;
        this.executor = executor;
    }

    static StaticServer start(Path root) {
        try {
            Path realRoot = root.toRealPath();
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            // A browser fetches a page's scripts in parallel; one thread would serialise them.
            ExecutorService executor = Executors.newFixedThreadPool(4, runnable -> {
                Thread thread = new Thread(runnable, "static-server");
                thread.setDaemon(true);
                return thread;
            });
            StaticServer staticServer = new StaticServer(realRoot, server, executor);
            server.createContext("/", staticServer::handle);
            server.setExecutor(executor);
            server.start();
            return staticServer;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the static server for " + root, e);
        }
    }

    Path root() {
        return root;
    }

    /** The base URL without a trailing slash, e.g. {@code http://127.0.0.1:41234}. */
    String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The absolute URL of a path on this server, e.g. {@code url("/dist/teaflow.js")}. */
    String url(String pathAndQuery) {
        return origin() + (pathAndQuery.startsWith("/") ? pathAndQuery : "/" + pathAndQuery);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                respond(exchange, 405, "method not allowed");
                return;
            }
            // getPath() is already percent-decoded, so "%2e%2e" arrives here as "..".
            Optional<Path> file = resolve(exchange.getRequestURI().getPath());
            if (file.isEmpty()) {
                respond(exchange, 403, "outside the served directory");
                return;
            }
            if (!Files.isRegularFile(file.get())) {
                respond(exchange, 404, "not found");
                return;
            }
            Path path = file.get();
            exchange.getResponseHeaders().set("Content-Type", mimeType(path));
            // Every run must see the freshly built dist/, never a cached one.
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            if (method.equals("HEAD")) {
                exchange.sendResponseHeaders(200, -1);
                return;
            }
            exchange.sendResponseHeaders(200, Files.size(path));
            try (OutputStream body = exchange.getResponseBody()) {
                Files.copy(path, body);
            }
        }
    }

    /** The file a request path names, or empty if it would leave the served directory (by "..", or by a symbolic link). */
    Optional<Path> resolve(String requestPath) {
        if (requestPath == null || requestPath.indexOf('\0') >= 0 || requestPath.indexOf('\\') >= 0) {
            return Optional.empty();
        }
        Path candidate = root.resolve(requestPath.replaceFirst("^/+", "")).normalize();
        if (!candidate.startsWith(root)) {
            return Optional.empty();
        }
        if (Files.exists(candidate)) {
            try {
                if (!candidate.toRealPath().startsWith(root)) {
                    return Optional.empty();
                }
            } catch (IOException e) {
                return Optional.empty();
            }
        }
        return Optional.of(candidate);
    }

    static String mimeType(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return MIME_TYPES.getOrDefault(extension, "application/octet-stream");
    }

    private static void respond(HttpExchange exchange, int status, String text) throws IOException {
        byte[] body = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
