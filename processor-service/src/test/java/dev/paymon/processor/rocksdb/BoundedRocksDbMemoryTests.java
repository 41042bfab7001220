package dev.paymon.processor.rocksdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.springframework.util.unit.DataSize;

/** On real RocksDB options: every store gets the shared cache and write buffer manager, and bounded memtables. */
class BoundedRocksDbMemoryTests {

    static {
        RocksDB.loadLibrary();
    }

    @Test
    void givesEveryStoreTheSharedCacheWithIndexesAndFiltersInItAndBoundedMemtables() {
        Map<String, Object> configs = Map.of(BoundedRocksDbMemory.MEMORY, "67108864",
                BoundedRocksDbMemory.WRITE_BUFFER_SHARE, "0.5");
        try (Options first = withTable(); Options second = withTable()) {
            BoundedRocksDbMemory setter = new BoundedRocksDbMemory();
            setter.setConfig("account-windows", first, configs);
            setter.setConfig("payment-ids.1796600000000", second, configs);

            for (Options options : new Options[] {first, second}) {
                BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
                assertThat(table.cacheIndexAndFilterBlocks()).isTrue();
                assertThat(table.pinTopLevelIndexAndFilter()).isTrue();
                assertThat(options.maxWriteBufferNumber()).isEqualTo(2);
                assertThat(options.writeBufferSize()).isEqualTo(16L * 1024 * 1024);
            }
            setter.close("account-windows", first);
        }
    }

    @Test
    void refusesTooLittleMemoryOrAShareOutsideZeroToOne() {
        assertThatIllegalArgumentException().isThrownBy(() -> new RocksDbProperties(DataSize.ofMegabytes(4), 0.5));
        assertThatIllegalArgumentException().isThrownBy(() -> new RocksDbProperties(DataSize.ofMegabytes(64), 1.0));
        assertThatIllegalArgumentException().isThrownBy(() -> new RocksDbProperties(DataSize.ofMegabytes(64), 0));
    }

    private static Options withTable() {
        Options options = new Options();
        options.setTableFormatConfig(new BlockBasedTableConfig());
        return options;
    }
}
