package dev.paymon.processor.rocksdb;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The memory of the processor's RocksDB state stores ({@code paymon.processor.rocksdb.*}), off the Java heap: one
 * block cache shared by every store of the process, which also holds their memtables, so that the total stays
 * {@code memory} however many tasks, stores and segments there are (RocksDB's defaults give each store its own 50 MB
 * cache and up to three 16 MB memtables).
 *
 * @param memory           block cache and memtables of all stores together (default 128MB)
 * @param writeBufferShare the part of {@code memory} memtables may take (default 0.5); when they reach it, the
 *                         largest is flushed to disk
 */
@ConfigurationProperties("paymon.processor.rocksdb")
record RocksDbProperties(@DefaultValue("128MB") DataSize memory, @DefaultValue("0.5") double writeBufferShare) {

    RocksDbProperties {
        if (memory.toBytes() < DataSize.ofMegabytes(8).toBytes()) {
            throw new IllegalArgumentException("paymon.processor.rocksdb.memory must be at least 8MB, was " + memory);
        }
        if (writeBufferShare <= 0 || writeBufferShare >= 1) {
            throw new IllegalArgumentException("paymon.processor.rocksdb.write-buffer-share must lie between 0 and 1, "
                    + "was " + writeBufferShare);
        }
    }
}
