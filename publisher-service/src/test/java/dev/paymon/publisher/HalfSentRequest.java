package dev.paymon.publisher;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.paymon.testing.TestApiKeys;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.time.Duration;
import java.util.Locale;

/**
 * A real HTTP/1.1 request on its own connection whose body is sent in two parts: after the first the service has the
 * request (admitted, authenticated, reading its body) but cannot answer it, so it stays in progress for exactly as
 * long as the test wants; {@link #finish()} sends the rest and reads the answer. The body is chunked, or announced
 * whole by {@code Content-Length} ({@link #startWithLength}), as a slow client sends it.
 */
public final class HalfSentRequest implements AutoCloseable {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    /** Status, headers (lower-case names) as one block of text, and the body (de-chunked). */
    public record Answer(int status, String headers, String body) {
    }

    private final Socket socket;
    /** The rest of the body as it goes on the wire (chunks included). */
    private final String rest;

    private HalfSentRequest(Socket socket, String rest) {
        this.socket = socket;
        this.rest = rest;
    }

    /** Sends the head of a POST with the all-roles key and the first half of {@code json}, chunked. */
    public static HalfSentRequest start(int port, String path, String json) {
        String first = json.substring(0, json.length() / 2);
        return open(port, path, TestApiKeys.ALL, "Transfer-Encoding: chunked", chunk(first),
                chunk(json.substring(first.length())) + "0\r\n\r\n");
    }

    /** Sends the head of a POST with {@code apiKey} and the {@code Content-Length} of {@code json}, then half of it. */
    public static HalfSentRequest startWithLength(int port, String path, String json, String apiKey) {
        String first = json.substring(0, json.length() / 2);
        return open(port, path, apiKey, "Content-Length: " + json.getBytes(UTF_8).length, first,
                json.substring(first.length()));
    }

    private static HalfSentRequest open(int port, String path, String apiKey, String framing, String first,
                                        String rest) {
        try {
            Socket socket = new Socket("localhost", port);
            socket.setSoTimeout((int) READ_TIMEOUT.toMillis());
            write(socket, "POST " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\n" + TestApiKeys.HEADER + ": "
                    + apiKey + "\r\nContent-Type: application/json\r\n" + framing + "\r\n"
                    + "Connection: close\r\n\r\n" + first);
            return new HalfSentRequest(socket, rest);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends the rest of the body and reads the whole answer (the connection is closed after it). */
    public Answer finish() {
        try {
            write(socket, rest);
            String response = new String(readAll(socket.getInputStream()), UTF_8);
            int end = response.indexOf("\r\n\r\n");
            String head = response.substring(0, end).toLowerCase(Locale.ROOT);
            String body = response.substring(end + 4);
            int status = Integer.parseInt(head.substring(9, 12));
            return new Answer(status, head, head.contains("transfer-encoding: chunked") ? dechunk(body) : body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String chunk(String data) {
        return Integer.toHexString(data.getBytes(UTF_8).length) + "\r\n" + data + "\r\n";
    }

    private static String dechunk(String chunked) {
        StringBuilder body = new StringBuilder();
        int at = 0;
        while (true) {
            int lineEnd = chunked.indexOf("\r\n", at);
            int size = Integer.parseInt(chunked.substring(at, lineEnd).trim(), 16);
            if (size == 0) {
                return body.toString();
            }
            body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
            at = lineEnd + 2 + size + 2;
        }
    }

    private static void write(Socket socket, String text) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(UTF_8));
        out.flush();
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        in.transferTo(all);
        return all.toByteArray();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
