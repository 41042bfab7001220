package dev.paymon.subscriber.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.paymon.subscriber.TestDatabases;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.kafka.listener.BatchListenerFailedException;

/**
 * The exactly-once effect of the projection engine on a real database (H2 with the service's migrations): a batch's
 * values and its stored offsets commit together, a redelivered batch changes nothing, a batch whose stored offsets
 * moved applies nothing and seeks, a failing value leaves the records before it committed, and a record without a
 * value is dead-lettered and passed. A value is a row of a table of the test's own.
 */
class ProjectorTests {

    private static final String TOPIC = "values.v1";
    private static final TopicPartition P0 = new TopicPartition(TOPIC, 0);
    private static final TopicPartition P1 = new TopicPartition(TOPIC, 1);

    private JdbcTemplate jdbc;
    private ConsumerOffsetRepository offsets;
    private Projector projector;
    private MockConsumer<String, String> consumer;
    private String group;
    private final List<String> storeCalls = new ArrayList<>();
    private final List<ConsumerRecord<?, ?>> deadLettered = new ArrayList<>();
    private final List<StreamAnnouncement> announced = new ArrayList<>();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private ProjectionCounters counters;

    /** Stores a value as a row; a value it holds already is a duplicate, "bad" fails as a broken value would. */
    private final ValueStore<String> values = value -> {
        storeCalls.add(value);
        if (value.equals("bad")) {
            throw new IllegalStateException("cannot store " + value);
        }
        return jdbc.update("INSERT INTO projected (v) VALUES (?) ON CONFLICT DO NOTHING", value) == 1;
    };

    @BeforeEach
    void engineOnAFreshDatabase() {
        DataSource database = TestDatabases.h2();
        jdbc = new JdbcTemplate(database);
        jdbc.execute("CREATE TABLE projected (v VARCHAR(64) PRIMARY KEY)");
        offsets = new ConsumerOffsetRepository(jdbc);
        ConsumerPositions positions = new ConsumerPositions();
        projector = new Projector(offsets, positions, new ProjectionLock(), new ProjectionsHealthIndicator(),
                (record, failure) -> deadLettered.add(record), announced::addAll,
                new DataSourceTransactionManager(database), ObservationRegistry.NOOP, meters,
                new HaltAfterCommits(new FaultInjectionProperties(0)));
        counters = ProjectionCounters.register(meters, "values", "Values");
        consumer = new MockConsumer<>("earliest");
        consumer.assign(List.of(P0, P1));
        consumer.updateBeginningOffsets(Map.of(P0, 0L, P1, 0L));
        group = consumer.groupMetadata().groupId();
        new SeekToStoredOffsets(offsets, positions).onPartitionsAssigned(consumer, List.of(P0, P1));
    }

    @Test
    void appliesABatchOnceWithEachPartitionsNextOffset() {
        project(record(P0, 0, "a"), record(P0, 1, "b"), record(P1, 0, "c"), record(P0, 2, "d"), record(P1, 1, "e"));

        assertThat(rows()).containsExactlyInAnyOrder("a", "b", "c", "d", "e");
        assertThat(storedNextOffset(P0)).isEqualTo(3);
        assertThat(storedNextOffset(P1)).isEqualTo(2);
        assertThat(counters.stored().count()).isEqualTo(5);
        assertThat(counters.duplicates().count()).isZero();
    }

    @Test
    void aRedeliveredBatchIsSkippedBelowTheStoredOffsets() {
        List<ConsumerRecord<String, String>> batch = List.of(record(P0, 0, "a"), record(P0, 1, "b"),
                record(P1, 0, "c"));
        projector.project(batch, consumer, "value", values, counters);
        storeCalls.clear();

        projector.project(batch, consumer, "value", values, counters);

        assertThat(storeCalls).as("values stored again").isEmpty();
        assertThat(rows()).containsExactlyInAnyOrder("a", "b", "c");
        assertThat(counters.stored().count()).isEqualTo(3);
        assertThat(storedNextOffset(P0)).isEqualTo(2);
    }

    @Test
    void aValueTheProjectionHoldsAlreadyIsADuplicateNotAnError() {
        project(record(P0, 0, "a"), record(P1, 0, "a"));

        assertThat(rows()).containsExactly("a");
        assertThat(counters.stored().count()).isEqualTo(1);
        assertThat(counters.duplicates().count()).isEqualTo(1);
        assertThat(storedNextOffset(P1)).isEqualTo(1);
    }

    @Test
    void aBatchWhoseStoredOffsetsMovedAppliesNothingAndSeeksToThem() {
        project(record(P0, 0, "a"), record(P0, 1, "b"));
        // A rebuild (in another instance) empties the projection and rewinds the stored offsets meanwhile.
        jdbc.update("DELETE FROM projected");
        offsets.rewindAll();

        project(record(P0, 2, "c"), record(P1, 0, "d"));

        assertThat(rows()).as("applied after the rewind").isEmpty();
        assertThat(consumer.position(P0)).as("P0 sought to its stored offset").isZero();
        assertThat(consumer.position(P1)).as("P1 back to the batch's first record").isZero();

        project(record(P0, 0, "a"), record(P0, 1, "b"), record(P0, 2, "c"), record(P1, 0, "d"));

        assertThat(rows()).containsExactlyInAnyOrder("a", "b", "c", "d");
        assertThat(storedNextOffset(P0)).isEqualTo(3);
    }

    @Test
    void aFailingValueLeavesTheRecordsBeforeItCommittedAndIsReportedByItsIndex() {
        assertThatExceptionOfType(BatchListenerFailedException.class)
                .isThrownBy(() -> project(record(P0, 0, "a"), record(P1, 0, "b"), record(P0, 1, "bad"),
                        record(P0, 2, "c")))
                .satisfies(failed -> assertThat(failed.getIndex()).isEqualTo(2));

        assertThat(rows()).containsExactlyInAnyOrder("a", "b");
        assertThat(storedNextOffset(P0)).as("the failed record is next").isEqualTo(1);
        assertThat(storedNextOffset(P1)).isEqualTo(1);
    }

    @Test
    void aRecordWithoutAValueIsDeadLetteredAndPassedWithTheBatch() {
        ConsumerRecord<String, String> tombstone = record(P0, 1, null);

        project(record(P0, 0, "a"), tombstone, record(P0, 2, "b"));

        assertThat(deadLettered).containsExactly(tombstone);
        assertThat(rows()).containsExactlyInAnyOrder("a", "b");
        assertThat(storedNextOffset(P0)).isEqualTo(3);
    }

    @Test
    void announcesNewValuesButNotARebuildsReplayOfHistory() {
        projectAnnouncing(record(P0, 0, "a"), record(P0, 1, "b"));
        assertThat(announced).extracting(StreamAnnouncement::data).containsExactly("a", "b");
        announced.clear();
        jdbc.update("DELETE FROM projected");
        offsets.rewindAll();
        projectAnnouncing(record(P0, 2, "c")); // fenced: seeks to 0

        projectAnnouncing(record(P0, 0, "a"), record(P0, 1, "b"), record(P0, 2, "c"));

        assertThat(rows()).containsExactlyInAnyOrder("a", "b", "c");
        assertThat(announced).as("below stream_from only c is new to clients").extracting(StreamAnnouncement::data)
                .containsExactly("c");
    }

    @SafeVarargs
    private void project(ConsumerRecord<String, String>... records) {
        projector.project(List.of(records), consumer, "value", values, counters);
    }

    @SafeVarargs
    private void projectAnnouncing(ConsumerRecord<String, String>... records) {
        projector.project(List.of(records), consumer, "value", values,
                value -> StreamAnnouncement.of(StreamEventType.values()[0], "acc-1", value), counters);
    }

    private static ConsumerRecord<String, String> record(TopicPartition partition, long offset, String value) {
        return new ConsumerRecord<>(partition.topic(), partition.partition(), offset, "acc-1", value);
    }

    private List<String> rows() {
        return jdbc.queryForList("SELECT v FROM projected", String.class);
    }

    private long storedNextOffset(TopicPartition partition) {
        return offsets.position(group, partition).orElseThrow().nextOffset();
    }
}
