package dev.paymon.benchmark.load;

/** The bytes of one complete HTTP request and how many events (payments) it carries. */
public record Request(byte[] bytes, int events) {
}
