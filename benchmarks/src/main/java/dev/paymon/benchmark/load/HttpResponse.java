package dev.paymon.benchmark.load;

import static java.nio.charset.StandardCharsets.UTF_8;

/** A response's status and, when asked for, its body. */
public record HttpResponse(int status, byte[] body) {

    static final byte[] NO_BODY = new byte[0];

    public boolean successful() {
        return status >= 200 && status < 300;
    }

    public String text() {
        return new String(body, UTF_8);
    }
}
