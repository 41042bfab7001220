package dev.paymon.benchmark.load;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Locale;

/**
 * One HTTP/1.1 keep-alive connection over a plain socket: a request is written as prepared bytes, the response read
 * by {@code Content-Length} or chunked transfer coding. Reconnects when the server closed the connection
 * ({@code Connection: close}, or an error). Far cheaper per request than {@code java.net.http}, so the load
 * generator, which shares the machine, takes as little CPU from the services as possible. Not thread-safe: one per
 * load thread.
 */
public final class HttpConnection implements AutoCloseable {

    private final InetSocketAddress server;
    private final int timeoutMillis;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(128);

    public HttpConnection(InetSocketAddress server, Duration timeout) {
        this.server = server;
        this.timeoutMillis = (int) timeout.toMillis();
    }

    /** Sends one request and reads its response; on any failure the connection is closed (and reopened next time). */
    public HttpResponse exchange(byte[] request, boolean keepBody) throws IOException {
        if (socket == null) {
            connect();
        }
        try {
            out.write(request);
            out.flush();
            return read(keepBody);
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    private void connect() throws IOException {
        Socket connecting = new Socket();
        try {
            connecting.setTcpNoDelay(true);
            connecting.setSoTimeout(timeoutMillis);
            connecting.connect(server, timeoutMillis);
        } catch (IOException e) {
            connecting.close();
            throw e;
        }
        socket = connecting;
        in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
        out = socket.getOutputStream();
    }

    private HttpResponse read(boolean keepBody) throws IOException {
        String statusLine = line();
        if (statusLine == null) {
            throw new EOFException("connection closed before the response");
        }
        if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12) {
            throw new IOException("not an HTTP/1.x status line: " + statusLine);
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
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
                case "content-length" -> length = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                case "connection" -> close = value.equalsIgnoreCase("close");
                default -> { }
            }
        }
        byte[] body;
        if (chunked) {
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
        return new HttpResponse(status, body);
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
        return HttpResponse.NO_BODY;
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
                return keep ? body.toByteArray() : HttpResponse.NO_BODY;
            }
            if (keep) {
                byte[] chunk = in.readNBytes(size);
                if (chunk.length < size) {
                    throw new EOFException("chunk ended early");
                }
                body.write(chunk);
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
        return HttpResponse.NO_BODY;
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
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException alreadyBroken) {
                // The connection is dropped either way.
            }
            socket = null;
        }
    }
}
