package dev.paymon.systemtest.overload;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.paymon.systemtest.Http;
import dev.paymon.systemtest.SystemStack;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends payments to the publisher over real HTTP, either open loop (at a constant rate, each request due at its
 * intended time whatever became of the earlier ones, its latency measured from that time: no coordinated omission)
 * or closed loop (a fixed number of requests always outstanding, to find the capacity). Requests go out from a
 * fixed pool of {@value #THREADS} threads, each with its own kept-alive connection ({@link SocketHttp}); a request
 * due while all are busy waits for one, and that wait counts in its latency. Every payment has a fresh id
 * ({@code <run>-<n>}) and one of a few accounts of the run ({@code <run>-acc-<k>}).
 */
final class PaymentLoad implements AutoCloseable {

    /** Above the publisher's send timeout (5 s), so an admitted request always has its answer in time. */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(15);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final int THREADS = 256;
    private static final long TICK_MICROS = 1_000;
    private static final int ACCOUNTS = 40;

    private final URI payments;
    private final String run;
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicLong answered = new AtomicLong();
    private final ExecutorService senders = Executors.newFixedThreadPool(THREADS);
    private final ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
    private final Queue<SocketHttp> connections = new ConcurrentLinkedQueue<>();
    private final ThreadLocal<SocketHttp> connection;

    PaymentLoad(String publisherUrl, String run) {
        this.payments = URI.create(publisherUrl + "/api/v1/payments");
        this.run = run;
        InetSocketAddress server = new InetSocketAddress(payments.getHost(), payments.getPort());
        this.connection = ThreadLocal.withInitial(() -> {
            SocketHttp http = new SocketHttp(server, CONNECT_TIMEOUT, REQUEST_TIMEOUT);
            connections.add(http);
            return http;
        });
    }

    /** Open loop: request n is due at start + n / rate; all are awaited before this returns. */
    LoadRun openLoop(String phase, double perSecond, Duration duration) {
        int total = (int) Math.round(perSecond * duration.toNanos() / 1e9);
        Queue<CompletableFuture<Outcome>> pending = new ConcurrentLinkedQueue<>();
        CompletableFuture<Void> allDue = new CompletableFuture<>();
        long start = System.nanoTime();
        AtomicLong next = new AtomicLong();
        ScheduledFuture<?> ticks = pacer.scheduleAtFixedRate(() -> {
            long due = Math.min(total, (long) ((System.nanoTime() - start) * perSecond / 1e9) + 1);
            for (long n = next.get(); n < due; n++) {
                long intendedAt = start + (long) (n * 1e9 / perSecond);
                pending.add(CompletableFuture.supplyAsync(() -> send(intendedAt), senders));
            }
            next.set(due);
            if (due >= total) {
                allDue.complete(null);
            }
        }, 0, TICK_MICROS, TimeUnit.MICROSECONDS);
        try {
            allDue.get(duration.toMillis() + REQUEST_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the pacer did not issue " + total + " requests", e);
        } finally {
            ticks.cancel(false);
        }
        return new LoadRun(phase, perSecond, duration.toNanos() / 1e9, join(pending));
    }

    /** Closed loop: {@code concurrency} requests outstanding at any time for {@code duration}. */
    LoadRun closedLoop(String phase, int concurrency, Duration duration) {
        long end = System.nanoTime() + duration.toNanos();
        List<CompletableFuture<List<Outcome>>> loops = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            loops.add(CompletableFuture.supplyAsync(() -> {
                List<Outcome> outcomes = new ArrayList<>();
                while (System.nanoTime() - end < 0) {
                    outcomes.add(send(System.nanoTime()));
                }
                return outcomes;
            }, senders));
        }
        return new LoadRun(phase, Double.NaN, duration.toNanos() / 1e9,
                loops.stream().flatMap(loop -> loop.join().stream()).toList());
    }

    /** Requests answered (or failed) so far, over every run of this load. */
    long answered() {
        return answered.get();
    }

    private Outcome send(long intendedAt) {
        long n = sequence.incrementAndGet();
        String paymentId = run + "-" + n;
        try {
            SocketHttp.Answer answer = connection.get().exchange(request(paymentId, n));
            String type = answer.contentType().startsWith("application/problem+json")
                    ? Http.JSON.readTree(answer.body()).path("type").asString(null) : null;
            return new Outcome(paymentId, intendedAt, System.nanoTime() - intendedAt, answer.status(), type, null);
        } catch (IOException | RuntimeException e) {
            return new Outcome(paymentId, intendedAt, System.nanoTime() - intendedAt, 0, null,
                    e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } finally {
            answered.incrementAndGet();
        }
    }

    private byte[] request(String paymentId, long n) {
        byte[] body = """
                {"paymentId":"%s","accountId":"%s-acc-%d","amount":"%d.%02d","currency":"EUR","merchantId":"m-load",\
                "merchantCategory":"5411","country":"DE","channel":"ECOMMERCE"}"""
                .formatted(paymentId, run, n % ACCOUNTS, n % 90 + 1, n % 100).getBytes(UTF_8);
        String head = "POST " + payments.getPath() + " HTTP/1.1\r\nHost: " + payments.getAuthority() + "\r\n"
                + Http.API_KEY_HEADER + ": " + SystemStack.API_KEY + "\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + body.length + "\r\n\r\n";
        byte[] head8 = head.getBytes(UTF_8);
        byte[] request = new byte[head8.length + body.length];
        System.arraycopy(head8, 0, request, 0, head8.length);
        System.arraycopy(body, 0, request, head8.length, body.length);
        return request;
    }

    private static List<Outcome> join(Queue<CompletableFuture<Outcome>> pending) {
        return pending.stream().map(CompletableFuture::join).toList();
    }

    /** Stops the threads and closes every connection, so none lingers on the server. */
    @Override
    public void close() {
        pacer.shutdownNow();
        senders.shutdownNow();
        try {
            senders.awaitTermination(REQUEST_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        connections.forEach(SocketHttp::close);
    }
}
