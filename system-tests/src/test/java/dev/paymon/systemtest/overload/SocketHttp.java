package dev.paymon.systemtest.overload;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
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
 * A minimal HTTP/1.1 client connection for load: one socket, requests written as bytes, the answer read by
 * {@code Content-Length} or chunked, the connection kept alive unless the server closes it (as Tomcat does after
 * every 503). Before a kept-alive connection is used again it is checked for a close by the server (as a browser
 * or {@code java.net.http} do), so a request is not written into a connection the server has already given up.
 * Far cheaper per request than {@code java.net.http.HttpClient}, which costs the test JVM (C1 only) about three
 * times what the publisher spends shedding the request: with it, the client and not the publisher would be what
 * runs out of CPU above capacity. Not thread-safe: one per load thread.
 */
final class SocketHttp implements AutoCloseable {

    /** Status, the headers that matter here, and the body as text. */
    record Answer(int status, String contentType, String body) {
    }

    /** Tomcat closes an idle kept-alive connection after 20 s; one idle this long is not reused. */
    private static final long MAX_IDLE_NANOS = Duration.ofSeconds(5).toNanos();

    private final InetSocketAddress server;
    private final Duration connectTimeout;
    private final Duration readTimeout;
    private SocketChannel channel;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private long lastUsed;

    SocketHttp(InetSocketAddress server, Duration connectTimeout, Duration readTimeout) {
        this.server = server;
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
    }

    /** Sends one complete request and reads its answer; on any failure the connection is dropped. */
    Answer exchange(byte[] request) throws IOException {
        if (socket != null && (System.nanoTime() - lastUsed > MAX_IDLE_NANOS || closedByServer())) {
            close();
        }
        if (socket == null) {
            connect();
        }
        try {
            out.write(request);
            out.flush();
            Answer answer = read();
            lastUsed = System.nanoTime();
            return answer;
        } catch (IOException e) {
            close();
            throw e;
        }
    }

    private void connect() throws IOException {
        SocketChannel connecting = SocketChannel.open();
        try {
            connecting.socket().setTcpNoDelay(true);
            connecting.socket().setSoTimeout((int) readTimeout.toMillis());
            connecting.socket().connect(server, (int) connectTimeout.toMillis());
        } catch (IOException e) {
            connecting.close();
            throw e;
        }
        channel = connecting;
        socket = connecting.socket();
        in = new BufferedInputStream(socket.getInputStream(), 8192);
        out = socket.getOutputStream();
    }

    /** Whether the server has closed the idle connection (a read that does not wait sees its end). */
    private boolean closedByServer() throws IOException {
        channel.configureBlocking(false);
        try {
            return channel.read(ByteBuffer.allocate(1)) != 0;
        } catch (IOException reset) {
            return true;
        } finally {
            channel.configureBlocking(true);
        }
    }

    private Answer read() throws IOException {
        String statusLine = line();
        if (statusLine == null) {
            throw new IOException("connection closed before any answer");
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        String contentType = "";
        long length = -1;
        boolean chunked = false;
        boolean close = false;
        for (String header = line(); header != null && !header.isEmpty(); header = line()) {
            int colon = header.indexOf(':');
            String name = header.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).trim();
            switch (name) {
                case "content-type" -> contentType = value;
                case "content-length" -> length = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.equalsIgnoreCase("chunked");
                case "connection" -> close = value.equalsIgnoreCase("close");
                default -> { }
            }
        }
        String body = chunked ? new String(chunkedBody(), UTF_8)
                : new String(in.readNBytes((int) Math.max(0, length)), UTF_8);
        if (close) {
            close();
        }
        return new Answer(status, contentType, body);
    }

    private byte[] chunkedBody() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            int size = Integer.parseInt(line().split(";")[0].trim(), 16);
            if (size == 0) {
                line();
                return body.toByteArray();
            }
            body.write(in.readNBytes(size));
            line();
        }
    }

    /** One CRLF-terminated line, or null at the end of the stream. */
    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(64);
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, length, ISO_8859_1);
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(ISO_8859_1);
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // Closing a connection that failed: nothing left to do with it.
            }
            socket = null;
            channel = null;
        }
    }
}
