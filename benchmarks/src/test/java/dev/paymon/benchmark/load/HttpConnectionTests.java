package dev.paymon.benchmark.load;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Against a socket server that answers each request with the next of a scripted list of raw responses. */
class HttpConnectionTests {

    private static final byte[] REQUEST = "GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(ISO_8859_1);

    private final ExecutorService server = Executors.newCachedThreadPool();
    private final AtomicInteger connections = new AtomicInteger();
    private ServerSocket socket;

    /** Answers the n-th request (over all connections) with {@code answers[n]}; "CLOSE" closes instead. */
    private InetSocketAddress serve(String... answers) throws IOException {
        socket = new ServerSocket(0);
        List<String> script = new CopyOnWriteArrayList<>(answers);
        AtomicInteger next = new AtomicInteger();
        server.submit(() -> {
            while (!socket.isClosed()) {
                Socket client = socket.accept();
                connections.incrementAndGet();
                server.submit(() -> answer(client, script, next));
            }
            return null;
        });
        return new InetSocketAddress("localhost", socket.getLocalPort());
    }

    private static Void answer(Socket client, List<String> script, AtomicInteger next) throws IOException {
        try (client) {
            BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), ISO_8859_1));
            OutputStream out = client.getOutputStream();
            while (true) {
                String requestLine = in.readLine();
                if (requestLine == null) {
                    return null; // the client closed the connection
                }
                for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                    // the rest of the request head; the test requests have no body
                }
                int n = next.getAndIncrement();
                if (n >= script.size() || script.get(n).equals("CLOSE")) {
                    return null;
                }
                out.write(script.get(n).getBytes(UTF_8));
                out.flush();
            }
        }
    }

    @AfterEach
    void stop() throws IOException {
        socket.close();
        server.shutdownNow();
    }

    @Test
    void readsContentLengthBodiesOverOneKeptAliveConnection() throws IOException {
        InetSocketAddress address = serve(
                "HTTP/1.1 202 Accepted\r\nContent-Type: application/json\r\nContent-Length: 13\r\n\r\n{\"ok\":\"yes\"}\n",
                "HTTP/1.1 503 Service Unavailable\r\ncontent-length: 2\r\n\r\nno");
        try (HttpConnection connection = new HttpConnection(address, Duration.ofSeconds(5))) {
            HttpResponse first = connection.exchange(REQUEST, true);
            HttpResponse second = connection.exchange(REQUEST, false);

            assertThat(first.status()).isEqualTo(202);
            assertThat(first.successful()).isTrue();
            assertThat(first.text()).isEqualTo("{\"ok\":\"yes\"}\n");
            assertThat(second.status()).isEqualTo(503);
            assertThat(second.successful()).isFalse();
            assertThat(second.body()).isEmpty();
        }
        assertThat(connections).hasValue(1);
    }

    @Test
    void readsChunkedBodiesWithExtensionsAndTrailers() throws IOException {
        InetSocketAddress address = serve(
                "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;ext=1\r\nhello\r\n7\r\n, world\r\n0\r\nX-T: 1\r\n\r\n",
                "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n");
        try (HttpConnection connection = new HttpConnection(address, Duration.ofSeconds(5))) {
            assertThat(connection.exchange(REQUEST, true).text()).isEqualTo("hello, world");
            assertThat(connection.exchange(REQUEST, false).status()).isEqualTo(200);
        }
        assertThat(connections).hasValue(1);
    }

    @Test
    void reconnectsAfterTheServerAsksToCloseTheConnection() throws IOException {
        InetSocketAddress address = serve(
                "HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 0\r\n\r\n",
                "HTTP/1.1 204 No Content\r\nContent-Length: 0\r\n\r\n");
        try (HttpConnection connection = new HttpConnection(address, Duration.ofSeconds(5))) {
            assertThat(connection.exchange(REQUEST, false).status()).isEqualTo(503);
            assertThat(connection.exchange(REQUEST, false).status()).isEqualTo(204);
        }
        assertThat(connections).hasValue(2);
    }

    @Test
    void aConnectionClosedBeforeTheAnswerFailsAndTheNextRequestReconnects() throws IOException {
        InetSocketAddress address = serve("CLOSE", "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
        try (HttpConnection connection = new HttpConnection(address, Duration.ofSeconds(5))) {
            assertThatThrownBy(() -> connection.exchange(REQUEST, true)).isInstanceOf(EOFException.class);
            assertThat(connection.exchange(REQUEST, true).text()).isEqualTo("ok");
        }
    }

    @Test
    void refusesWhatIsNotHttp() throws IOException {
        InetSocketAddress address = serve("SSH-2.0-OpenSSH\r\n");
        try (HttpConnection connection = new HttpConnection(address, Duration.ofSeconds(5))) {
            assertThatThrownBy(() -> connection.exchange(REQUEST, true)).isInstanceOf(IOException.class)
                    .hasMessageContaining("not an HTTP/1.x status line");
        }
    }
}
