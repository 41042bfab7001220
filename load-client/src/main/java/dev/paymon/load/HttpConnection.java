package dev.paymon.load;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.Locale;

/**
 * One HTTP/1.1 keep-alive connection over a plain socket, for load: a request is written as prepared bytes
 * ({@link PaymentRequests}), the answer read by {@code Content-Length} or chunked transfer coding (with neither, to
 * the end of the connection; none for a 204 or 304). The connection is dropped, and opened again for the next
 * request, when the server closes it ({@code Connection: close}, as Tomcat answers every 503; an HTTP/1.0 answer), on
 * any failure, and before a kept-alive connection is used again when it has been idle longer than {@link #MAX_IDLE}
 * or the server has closed it meanwhile (as a browser or {@code java.net.http} check), so that a request is not
 * written into a connection the server has already given up, e.g. while it shuts down.
 *
 * <p>Far cheaper per request than {@code java.net.http.HttpClient}, which costs a JVM running C1 only about three
 * times what the publisher spends shedding the request: the load generator shares the machine with the services and
 * must not be what runs out of CPU. Not thread-safe: one per load thread. Not for {@code HEAD} requests.
 */
public final class HttpConnection implements AutoCloseable {

    /** Tomcat closes an idle kept-alive connection after 20 s; one idle this long is not reused. */
    public static final Duration MAX_IDLE = Duration.ofSeconds(5);

    private final InetSocketAddress server;
    private final int connectTimeoutMillis;
    private final int readTimeoutMillis;
    private final long maxIdleNanos;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(128);
    private final ByteBuffer probe = ByteBuffer.allocate(1);
    private SocketChannel channel;
    private InputStream in;
    private OutputStream out;
    private long lastUsed;

    /** {@code timeout} for connecting and for every read. */
    public HttpConnection(InetSocketAddress server, Duration timeout) {
        this(server, timeout, timeout);
    }

    public HttpConnection(InetSocketAddress server, Duration connectTimeout, Duration readTimeout) {
        this(server, connectTimeout, readTimeout, MAX_IDLE);
    }

    HttpConnection(InetSocketAddress server, Duration connectTimeout, Duration readTimeout, Duration maxIdle) {
        this.server = server;
        this.connectTimeoutMillis = (int) connectTimeout.toMillis();
        this.readTimeoutMillis = (int) readTimeout.toMillis();
        this.maxIdleNanos = maxIdle.toNanos();
    }

    /**
     * Sends one complete request and reads its answer, with its body if {@code keepBody} (else the body is skipped
     * and {@link HttpAnswer#body()} empty). On any failure the connection is closed, and opened again next time.
     */
    public HttpAnswer exchange(byte[] request, boolean keepBody) throws IOException {
        if (channel != null && (System.nanoTime() - lastUsed > maxIdleNanos || closedByServer())) {
            close();
        }
        if (channel == null) {
            connect();
        }
        try {
            out.write(request);
            out.flush();
            HttpAnswer answer = read(keepBody);
            lastUsed = System.nanoTime();
            return answer;
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    private void connect() throws IOException {
        SocketChannel connecting = SocketChannel.open();
        Socket socket = connecting.socket();
        try {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(readTimeoutMillis);
            socket.connect(server, connectTimeoutMillis);
        } catch (IOException | RuntimeException e) {
            connecting.close();
            throw e;
        }
        channel = connecting;
        in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
        out = socket.getOutputStream();
    }

    /** Whether the server has closed the idle connection: a read that does not wait sees its end (or a reset). */
    private boolean closedByServer() {
        try {
            channel.configureBlocking(false);
            try {
                probe.clear();
                return channel.read(probe) != 0;
            } finally {
                channel.configureBlocking(true);
            }
        } catch (IOException reset) {
            return true;
        }
    }

    private HttpAnswer read(boolean keepBody) throws IOException {
        String statusLine = line();
        if (statusLine == null) {
            throw new EOFException("connection closed before the response");
        }
        if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12) {
            throw new IOException("not an HTTP/1.x status line: " + statusLine);
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        String contentType = "";
        long length = -1;
        boolean chunked = false;
        boolean close = statusLine.startsWith("HTTP/1.0");
        for (String header = line(); header != null && !header.isEmpty(); header = line()) {
            int colon = header.indexOf(':');
            if (colon < 0) {
                throw new IOException("malformed header: " + header);
            }
            String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).trim();
            switch (name) {
                case "content-type" -> contentType = value;
                case "content-length" -> length = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                case "connection" -> close = value.equalsIgnoreCase("close");
                default -> { }
            }
        }
        byte[] body;
        if (status == 204 || status == 304) {
            body = HttpAnswer.NO_BODY;
        } else if (chunked) {
            body = chunkedBody(keepBody);
        } else if (length >= 0) {
            body = fixedBody(length, keepBody);
        } else {
            // Neither: the body ends with the connection.
            body = keepBody ? in.readAllBytes() : discardAll();
            close = true;
        }
        if (close) {
            close();
        }
        return new HttpAnswer(status, contentType, body);
    }

    private byte[] fixedBody(long length, boolean keep) throws IOException {
        if (keep) {
            byte[] body = in.readNBytes((int) length);
            if (body.length < length) {
                throw new EOFException("body ended after " + body.length + " of " + length + " bytes");
            }
            return body;
        }
        skip(length);
        return HttpAnswer.NO_BODY;
    }

    private byte[] chunkedBody(boolean keep) throws IOException {
        ByteArrayOutputStream body = keep ? new ByteArrayOutputStream() : null;
        while (true) {
            String sizeLine = line();
            if (sizeLine == null) {
                throw new EOFException("chunked body ended early");
            }
            int semicolon = sizeLine.indexOf(';');
            int size = Integer.parseInt((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
            if (size == 0) {
                // Trailers, up to the empty line.
                for (String trailer = line(); trailer != null && !trailer.isEmpty(); trailer = line()) {
                    // ignored
                }
                return keep ? body.toByteArray() : HttpAnswer.NO_BODY;
            }
            if (keep) {
                body.write(fixedBody(size, true));
            } else {
                skip(size);
            }
            line();
        }
    }

    private void skip(long n) throws IOException {
        long left = n;
        while (left > 0) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new EOFException("body ended early");
                }
                skipped = 1;
            }
            left -= skipped;
        }
    }

    private byte[] discardAll() throws IOException {
        while (in.read() >= 0) {
            in.skip(Long.MAX_VALUE);
        }
        return HttpAnswer.NO_BODY;
    }

    /** One line without its CRLF, or null at the end of the stream. */
    private String line() throws IOException {
        line.reset();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                int size = line.size();
                byte[] bytes = line.toByteArray();
                return new String(bytes, 0, size > 0 && bytes[size - 1] == '\r' ? size - 1 : size, ISO_8859_1);
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(ISO_8859_1);
    }

    @Override
    public void close() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException alreadyBroken) {
                // The connection is dropped either way.
            }
            channel = null;
        }
    }
}
