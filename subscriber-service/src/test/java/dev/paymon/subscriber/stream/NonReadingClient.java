package dev.paymon.subscriber.stream;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.paymon.subscriber.stream.SseClient.Event;
import dev.paymon.testing.TestApiKeys;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A stream client that sends its request, reads the response's status and headers, and then reads nothing until
 * told to, with a small receive buffer so that the server's writes soon block. HTTP/1.0, so that the body comes
 * unchunked and ends when the server closes the connection.
 */
final class NonReadingClient implements AutoCloseable {

    private static final int RECEIVE_BUFFER_BYTES = 4096;

    private final Socket socket = new Socket();
    private final String statusLine;

    NonReadingClient(int port, String path) {
        try {
            socket.setReceiveBufferSize(RECEIVE_BUFFER_BYTES);
            socket.setSoTimeout((int) Duration.ofSeconds(30).toMillis());
            socket.connect(new InetSocketAddress("localhost", port));
            socket.getOutputStream().write(("GET " + path + " HTTP/1.0\r\nHost: localhost\r\n"
                    + "Accept: text/event-stream\r\n" + TestApiKeys.HEADER + ": " + TestApiKeys.ALL + "\r\n\r\n")
                    .getBytes(UTF_8));
            statusLine = readHead().split("\r\n")[0];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** E.g. {@code HTTP/1.1 200 }. */
    String statusLine() {
        return statusLine;
    }

    /** Reads the rest of the stream until the server ends it; answers its events. */
    List<Event> readToEnd() {
        try {
            String body = new String(socket.getInputStream().readAllBytes(), UTF_8);
            List<Event> events = new ArrayList<>();
            for (String block : body.split("\n\n")) {
                String id = null;
                String name = null;
                String data = null;
                for (String line : block.split("\n")) {
                    if (line.startsWith("id:")) {
                        id = line.substring(3);
                    } else if (line.startsWith("event:")) {
                        name = line.substring(6);
                    } else if (line.startsWith("data:")) {
                        data = line.substring(5);
                    }
                }
                if (data != null) {
                    events.add(new Event(id, name, data));
                }
            }
            return events;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    /** The status line and headers, read byte by byte so that nothing of the body is taken off the socket. */
    private String readHead() throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(UTF_8).endsWith("\r\n\r\n")) {
            int next = in.read();
            if (next < 0) {
                break;
            }
            head.write(next);
        }
        return head.toString(UTF_8);
    }
}
