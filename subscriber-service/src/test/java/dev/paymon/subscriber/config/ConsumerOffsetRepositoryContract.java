package dev.paymon.subscriber.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.paymon.subscriber.config.ConsumerOffsetRepository.Position;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import javax.sql.DataSource;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the {@code consumer_offsets} table must do on every supported database, on the schema the real
 * Flyway migrations create. Subclasses supply the database.
 */
abstract class ConsumerOffsetRepositoryContract {

    private static final TopicPartition PAYMENTS_0 = new TopicPartition("payments.enriched.v1", 0);
    private static final TopicPartition PAYMENTS_1 = new TopicPartition("payments.enriched.v1", 1);
    private static final TopicPartition OTHER_0 = new TopicPartition("other.topic.v1", 0);

    private ConsumerOffsetRepository offsets;
    private JdbcClient jdbc;
    private TransactionTemplate transactions;

    /** A fresh database with the real Flyway migrations applied ({@code TestDatabases}). */
    abstract DataSource database();

    @BeforeEach
    void migrate() {
        DataSource dataSource = database();
        jdbc = JdbcClient.create(dataSource);
        offsets = new ConsumerOffsetRepository(new JdbcTemplate(dataSource));
        transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    }

    @Test
    void knowsNoOffsetForAPartitionTheGroupNeverApplied() {
        assertThat(offsets.nextOffset("group-a", PAYMENTS_0)).isEqualTo(OptionalLong.empty());
    }

    @Test
    void readsBackTheLatestSavedOffset() {
        offsets.save("group-a", PAYMENTS_0, 17);
        assertThat(offsets.nextOffset("group-a", PAYMENTS_0)).isEqualTo(OptionalLong.of(17));

        offsets.save("group-a", PAYMENTS_0, 5_000_000_000L);
        assertThat(offsets.nextOffset("group-a", PAYMENTS_0)).isEqualTo(OptionalLong.of(5_000_000_000L));
    }

    @Test
    void advancesAnOffsetButNeverMovesItBack() {
        offsets.advance("group-a", PAYMENTS_0, 7);
        offsets.advance("group-a", PAYMENTS_0, 9);
        offsets.advance("group-a", PAYMENTS_0, 4);

        assertThat(offsets.nextOffset("group-a", PAYMENTS_0)).isEqualTo(OptionalLong.of(9));
    }

    @Test
    void keepsOffsetsOfEachGroupTopicAndPartitionApart() {
        offsets.save("group-a", PAYMENTS_0, 10);
        offsets.save("group-a", PAYMENTS_1, 20);
        offsets.save("group-a", OTHER_0, 30);
        offsets.save("group-b", PAYMENTS_0, 40);

        assertThat(List.of(offsets.nextOffset("group-a", PAYMENTS_0), offsets.nextOffset("group-a", PAYMENTS_1),
                offsets.nextOffset("group-a", OTHER_0), offsets.nextOffset("group-b", PAYMENTS_0),
                offsets.nextOffset("group-b", PAYMENTS_1))).containsExactly(OptionalLong.of(10), OptionalLong.of(20),
                OptionalLong.of(30), OptionalLong.of(40), OptionalLong.empty());
    }

    @Test
    void readsTheNextOffsetWithTheStreamStartWhichOnlyARebuildMoves() {
        offsets.save("group-a", PAYMENTS_0, 17);
        Optional<Position> saved = offsets.position("group-a", PAYMENTS_0);
        // What a rebuild does: replay from the start, but announce only what comes after the old offset.
        jdbc.sql("UPDATE consumer_offsets SET stream_from = next_offset, next_offset = 0").update();
        offsets.save("group-a", PAYMENTS_0, 5);

        assertThat(List.of(saved, offsets.position("group-a", PAYMENTS_0), offsets.position("group-b", PAYMENTS_0)))
                .containsExactly(Optional.of(new Position(17, 0)), Optional.of(new Position(5, 17)), Optional.empty());
    }

    @Test
    void savesTheOffsetsOfSeveralPartitionsAtOnceAndReadsAllPositionsOfATopic() {
        offsets.save("group-a", PAYMENTS_0, 3);
        offsets.save("group-b", PAYMENTS_1, 99);
        offsets.save("group-a", OTHER_0, 7);

        offsets.saveAll("group-a", Map.of(PAYMENTS_0, 12L, PAYMENTS_1, 4L));

        assertThat(offsets.positions("group-a", PAYMENTS_0.topic()))
                .isEqualTo(Map.of(0, new Position(12, 0), 1, new Position(4, 0)));
        assertThat(List.of(offsets.nextOffset("group-b", PAYMENTS_1), offsets.nextOffset("group-a", OTHER_0)))
                .containsExactly(OptionalLong.of(99), OptionalLong.of(7));
        assertThat(offsets.positions("group-c", PAYMENTS_0.topic())).isEmpty();
    }

    @Test
    void keepsTheCommittedOffsetWhenATransactionSavingALaterOneRollsBack() {
        offsets.save("group-a", PAYMENTS_0, 3);

        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            offsets.save("group-a", PAYMENTS_0, 8);
            offsets.save("group-a", PAYMENTS_1, 8);
            throw new IllegalStateException("projection failed");
        })).hasMessage("projection failed");

        assertThat(List.of(offsets.nextOffset("group-a", PAYMENTS_0), offsets.nextOffset("group-a", PAYMENTS_1)))
                .containsExactly(OptionalLong.of(3), OptionalLong.empty());
    }
}
