package vn.kpibridge.routes.bench;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * A real HTTP server (the JDK's {@code com.sun.net.httpserver}) speaking the VNPT iOffice-style
 * task API for a {@link SyntheticProvince}: {@code POST /qlvb/api/login/v3/} answers
 * {@code {"data":{"token":...}}}; {@code GET /qlvb/api/cong-viec/danh-sach/?CurrentPage=&PageSize=}
 * answers {@code {PageData[], TotalRows, CurrentPage, PageSize, TotalPage}} over the records
 * {@code [first, first + count)} of the province, rendered on demand with Jackson's streaming
 * generator (nothing is held beyond one page). Pages are numbered from 1. A request without the
 * login token gets 401, as the real system answers.
 *
 * <p>Used by the capacity benchmark and its tests only; it is the remote system, not part of the
 * flow.
 */
public final class IofficeStubServer implements AutoCloseable {
    private static final String TOKEN = "bench-token";

    private final SyntheticProvince province;
    private final HttpServer server;
    private final JsonFactory json = new JsonFactory();
    private final AtomicLong bytesServed = new AtomicLong();
    private volatile long first;
    private volatile long count;
    private volatile String updated = "2026/06/30 23:00:00";

    /**
     * Starts the server on a free loopback port.
     *
     * @param province the records served
     * @throws IOException when no port can be bound
     */
    public IofficeStubServer(SyntheticProvince province) throws IOException {
        this.province = province;
        this.count = province.records();
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/qlvb/api/login/v3/", this::login);
        server.createContext("/qlvb/api/cong-viec/danh-sach/", this::page);
        // daemon threads: a benchmark that fails must still end its JVM
        server.setExecutor(Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "ioffice-stub");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    /**
     * Serves records {@code [first, first + count)} from now on, stamped with the given update time.
     *
     * @param first first record number
     * @param count number of records
     * @param updatedAt NgayCapNhat of every served record, "yyyy/MM/dd HH:mm:ss"
     */
    public void serve(long first, long count, String updatedAt) {
        this.first = first;
        this.count = count;
        this.updated = updatedAt;
    }

    /** @return base URL, e.g. "http://127.0.0.1:40123" */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** @return response bytes served since start */
    public long bytesServed() {
        return bytesServed.get();
    }

    /**
     * Renders one page exactly as the list call answers it.
     *
     * @param page page number from 1
     * @param size page size
     * @return the JSON bytes
     * @throws IOException when rendering fails
     */
    public byte[] renderPage(int page, int size) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(size * 700);
        long total = count;
        long from = first + (long) (page - 1) * size;
        long to = Math.min(first + total, from + size);
        try (JsonGenerator g = json.createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeArrayFieldStart("PageData");
            for (long i = from; i < to; i++) {
                province.writeRecord(g, i, updated);
            }
            g.writeEndArray();
            g.writeNumberField("TotalRows", total);
            g.writeNumberField("CurrentPage", page);
            g.writeNumberField("PageSize", size);
            g.writeNumberField("TotalPage", (total + size - 1) / size);
            g.writeEndObject();
        }
        return out.toByteArray();
    }

    private void login(HttpExchange x) throws IOException {
        x.getRequestBody().readAllBytes();
        send(x, 200, ("{\"data\":{\"token\":\"" + TOKEN + "\"}}").getBytes(StandardCharsets.UTF_8));
    }

    private void page(HttpExchange x) throws IOException {
        if (!TOKEN.equals(x.getRequestHeaders().getFirst("X-Authentication-Token"))) {
            send(x, 401, "{\"message\":\"Phiên đăng nhập không hợp lệ\"}".getBytes(StandardCharsets.UTF_8));
            return;
        }
        Map<String, String> q = query(x.getRequestURI());
        try {
            int page = Integer.parseInt(q.getOrDefault("CurrentPage", "1"));
            int size = Integer.parseInt(q.getOrDefault("PageSize", "50"));
            send(x, 200, renderPage(page, size));
        } catch (NumberFormatException e) {
            send(x, 400, ("{\"message\":\"" + e.getMessage() + "\"}").getBytes(StandardCharsets.UTF_8));
        }
    }

    private void send(HttpExchange x, int status, byte[] body) throws IOException {
        x.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        x.sendResponseHeaders(status, body.length);
        try (OutputStream o = x.getResponseBody()) {
            o.write(body);
        }
        bytesServed.addAndGet(body.length);
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> m = new HashMap<>();
        UriComponentsBuilder.fromUri(uri).build(false).getQueryParams().forEach((k, v) ->
                m.put(k, v.isEmpty() || v.get(0) == null ? "" : UriUtils.decode(v.get(0), StandardCharsets.UTF_8)));
        return m;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
