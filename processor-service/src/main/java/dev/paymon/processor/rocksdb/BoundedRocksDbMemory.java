package dev.paymon.processor.rocksdb;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.WriteBufferManager;

/**
 * Bounds the memory of every RocksDB store of the process ({@link RocksDbProperties}): one LRU block cache of
 * {@value #MEMORY} bytes for all of them, indexes and filters included, and a write buffer manager that charges the
 * memtables to that same cache, at most {@value #WRITE_BUFFER_SHARE} of it. Kafka Streams creates this class by name
 * (with {@code rocksdb.config.setter}) for each store and hands it the streams settings, where
 * {@code StreamsConfiguration} puts the two values; the cache and the manager are made once, for the first store, and
 * shared, as Kafka Streams' documentation on bounding RocksDB memory shows. They are never closed: they live as long
 * as the process.
 *
 * <p>Public only because Kafka Streams instantiates it by class name.
 */
public class BoundedRocksDbMemory implements RocksDBConfigSetter {

    static final String MEMORY = "paymon.rocksdb.memory.bytes";
    static final String WRITE_BUFFER_SHARE = "paymon.rocksdb.write-buffer.share";
    /** Memtables per store; with a shared manager, their size only says when a memtable is full at the latest. */
    private static final int MEMTABLES = 2;
    private static final long MEMTABLE_SIZE = 16L * 1024 * 1024;
    /** Part of the cache kept for index and filter blocks, so that reading them never evicts them all. */
    private static final double INDEX_FILTER_SHARE = 0.1;

    private static Cache cache;
    private static WriteBufferManager writeBuffers;

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        long memory = Long.parseLong(String.valueOf(configs.get(MEMORY)));
        double writeBufferShare = Double.parseDouble(String.valueOf(configs.get(WRITE_BUFFER_SHARE)));
        BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
        synchronized (BoundedRocksDbMemory.class) {
            if (cache == null) {
                cache = new LRUCache(memory, -1, false, INDEX_FILTER_SHARE);
                writeBuffers = new WriteBufferManager((long) (memory * writeBufferShare), cache);
            }
            table.setBlockCache(cache);
            options.setWriteBufferManager(writeBuffers);
        }
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        options.setMaxWriteBufferNumber(MEMTABLES);
        options.setWriteBufferSize(MEMTABLE_SIZE);
        options.setTableFormatConfig(table);
    }

    @Override
    public void close(String storeName, Options options) {
        // The cache and the write buffer manager are shared by every store: they are not closed with one.
    }
}
