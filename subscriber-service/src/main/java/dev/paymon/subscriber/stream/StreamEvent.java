package dev.paymon.subscriber.stream;

/**
 * One numbered event of the live stream as stored in {@code stream_events}.
 *
 * @param id        its place in the stream: ids increase by one from event to event, over all names
 * @param name      the SSE event name ({@code payment}, {@code alert}, {@code activity})
 * @param accountId the account it concerns
 * @param data      its JSON
 */
record StreamEvent(long id, String name, String accountId, String data) {
}
