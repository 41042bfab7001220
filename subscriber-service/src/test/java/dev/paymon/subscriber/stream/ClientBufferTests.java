package dev.paymon.subscriber.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.paymon.subscriber.stream.ClientBuffer.Next;
import dev.paymon.subscriber.stream.ClientBuffer.Signal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bounded queue between the hub and one client's sender. */
class ClientBufferTests {

    private static final StreamEvent FIRST = new StreamEvent(1, "payment", "acc-1", "{}");
    private static final StreamEvent SECOND = new StreamEvent(2, "payment", "acc-1", "{}");
    private static final StreamEvent THIRD = new StreamEvent(3, "payment", "acc-1", "{}");

    @Test
    void handsOutQueuedEventsInOrderThenIdlesAfterTheWait() throws InterruptedException {
        ClientBuffer buffer = new ClientBuffer(2);
        buffer.offer(FIRST);
        buffer.offer(SECOND);

        assertThat(List.of(buffer.next(Duration.ZERO), buffer.next(Duration.ZERO), buffer.next(Duration.ofMillis(1))))
                .containsExactly(new Next(Signal.EVENT, FIRST), new Next(Signal.EVENT, SECOND),
                        new Next(Signal.IDLE, null));
    }

    @Test
    void overflowsOnAnOfferBeyondTheCapacityAndDropsEverythingFromThenOn() throws InterruptedException {
        ClientBuffer buffer = new ClientBuffer(2);

        List<Boolean> offers = List.of(buffer.offer(FIRST), buffer.offer(SECOND), buffer.offer(THIRD),
                buffer.offer(THIRD));

        assertThat(offers).containsExactly(true, true, false, true);
        assertThat(buffer.next(Duration.ZERO)).isEqualTo(new Next(Signal.OVERFLOWED, null));
    }

    @Test
    void makesRoomAsTheSenderTakesEvents() throws InterruptedException {
        ClientBuffer buffer = new ClientBuffer(1);
        buffer.offer(FIRST);
        buffer.next(Duration.ZERO);

        assertThat(buffer.offer(SECOND)).isTrue();
        assertThat(buffer.next(Duration.ZERO)).isEqualTo(new Next(Signal.EVENT, SECOND));
    }

    @Test
    void wakesAWaitingSenderWhenClosedAndStaysClosed() throws Exception {
        ClientBuffer buffer = new ClientBuffer(2);
        Thread closer = new Thread(buffer::close);

        closer.start();
        // Far less than the wait: the close must wake the sender.
        Next next = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> buffer.next(Duration.ofMinutes(10)));
        closer.join();

        assertThat(next).isEqualTo(new Next(Signal.CLOSED, null));
        assertThat(buffer.offer(FIRST)).isTrue();
        assertThat(List.of(buffer.next(Duration.ZERO), buffer.isClosed()))
                .containsExactly(new Next(Signal.CLOSED, null), true);
    }
}
