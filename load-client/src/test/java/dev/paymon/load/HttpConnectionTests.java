package dev.paymon.load;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Against a socket server that answers each request with the next of a scripted list of raw responses. */
class HttpConnectionTests {

    private static final byte[] REQUEST = "GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(ISO_8859_1);
    /** Closes the connection instead of answering. */
    private static final String CLOSE = "CLOSE";
    /** Never answers; waits for the client to give up. */
    private static final String SILENT = "SILENT";
    /** After an answer: the server closes the connection once it has written it. */
    private static final String THEN_CLOSE = "\0THEN_CLOSE";

    private final ExecutorService server = Executors.newCachedThreadPool();
    private final AtomicInteger connections = new AtomicInteger();
    private final CountDownLatch closedAfterAnswer = new CountDownLatch(1);
    private ServerSocket socket;

    /** Answers the n-th request (over all connections) with {@code answers[n]}, or as {@link #CLOSE} etc. say. */
    private InetSocketAddress serve(String... answers) throws IOException {
        socket = new ServerSocket(0);
        List<String> script = new CopyOnWriteArrayList<>(answers);
        AtomicInteger next = new AtomicInteger();
        server.submit(() -> {
            while (!socket.isClosed()) {
                Socket client = socket.accept();
                connections.incrementAndGet();
                server.submit(() -> answer(client, script, next, closedAfterAnswer));
            }
            return null;
        });
        return new InetSocketAddress("localhost", socket.getLocalPort());
    }

    private static Void answer(Socket client, List<String> script, AtomicInteger next, CountDownLatch closed)
            throws IOException {
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
                String answer = n < script.size() ? script.get(n) : CLOSE;
                if (answer.equals(CLOSE)) {
                    return null;
                }
                if (answer.equals(SILENT)) {
                    while (in.read() >= 0) {
                        // until the client closes the connection
                    }
                    return null;
                }
                out.write(answer.replace(THEN_CLOSE, "").getBytes(UTF_8));
                out.flush();
                if (answer.endsWith(THEN_CLOSE)) {
                    client.close();
                    closed.countDown();
                    return null;
                }
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
                "HTTP/1.1 503 Service Unavailable\r\ncontent-type: application/problem+json\r\n"
                        + "content-length: 2\r\n\r\nno");
        try (HttpConnection connection = new HttpConnection(address, Duration.ofSeconds(5))) {
            HttpAnswer first = connection.exchange(REQUEST, true);
            HttpAnswer second = connection.exchange(REQUEST, false);

            assertThat(first.status()).isEqualTo(202);
            assertThat(first.successful()).isTrue();
            assertThat(first.contentType()).isEqualTo("application/json");
            assertThat(first.problem()).isFalse();
            assertThat(first.text()).isEqualTo("{\"ok\":\"yes\"}\n");
            assertThat(second.status()).isEqualTo(503);
            assertThat(second.successful()).isFalse();
            assertThat(second.problem()).isTrue();
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
        InetSocketAddress address = serve(CLOSE, "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
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

    @Test
    void aKeptAliveConnectionTheServerClosedMeanwhileIsNotUsedAgain() throws Exception {
        InetSocketAddress address = serve("HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\na" + THEN_CLOSE,
                "HTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\nb");
        try (HttpConnection connection = new HttpConnection(address, Duration.ofSeconds(5))) {
            assertThat(connection.exchange(REQUEST, true).text()).isEqualTo("a");
            assertThat(closedAfterAnswer.await(5, TimeUnit.SECONDS)).isTrue();
            Thread.sleep(100); // for the server's FIN to arrive

            // Without the check the request would go into the closed connection and find no answer there.
            assertThat(connection.exchange(REQUEST, true).text()).isEqualTo("b");
        }
        assertThat(connections).hasValue(2);
    }

    @Test
    void aConnectionIdleLongerThanItsLimitIsNotUsedAgain() throws Exception {
        InetSocketAddress address = serve("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n",
                "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n");
        try (HttpConnection connection = new HttpConnection(address, Duration.ofSeconds(5), Duration.ofSeconds(5),
                Duration.ofMillis(300))) {
            connection.exchange(REQUEST, false);
            connection.exchange(REQUEST, false);
            assertThat(connections).hasValue(1);
            Thread.sleep(400);
            assertThat(connection.exchange(REQUEST, false).status()).isEqualTo(200);
        }
        assertThat(connections).hasValue(2);
    }

    @Test
    void noContentHasNoBodyAndABodyWithoutLengthEndsWithTheConnection() throws IOException {
        InetSocketAddress address = serve("HTTP/1.1 204 No Content\r\n\r\n",
                "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nuntil the end" + THEN_CLOSE,
                "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok");
        try (HttpConnection connection = new HttpConnection(address, Duration.ofSeconds(5))) {
            assertThat(connection.exchange(REQUEST, true).body()).isEmpty();
            assertThat(connection.exchange(REQUEST, true).text()).isEqualTo("until the end");
            assertThat(connection.exchange(REQUEST, true).text()).isEqualTo("ok");
        }
        assertThat(connections).hasValue(2);
    }

    @Test
    void aServerThatDoesNotAnswerInTimeFailsTheExchangeWithATimeout() throws IOException {
        InetSocketAddress address = serve(SILENT);
        long start = System.nanoTime();
        try (HttpConnection connection = new HttpConnection(address, Duration.ofSeconds(5), Duration.ofMillis(300))) {
            assertThatThrownBy(() -> connection.exchange(REQUEST, true)).isInstanceOf(SocketTimeoutException.class);
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
    }

    @Test
    void aRefusedConnectionFails() throws IOException {
        InetSocketAddress address = serve();
        socket.close();
        try (HttpConnection connection = new HttpConnection(address, Duration.ofSeconds(5))) {
            assertThatThrownBy(() -> connection.exchange(REQUEST, true)).isInstanceOf(ConnectException.class);
        }
    }
}
