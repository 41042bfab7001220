/**
 * Bounds the off-heap memory of the processor's RocksDB state stores ({@code paymon.processor.rocksdb.*}):
 * {@link BoundedRocksDbMemory}, which Kafka Streams instantiates by class name, shares one block cache, memtables
 * included, among every store of the process.
 */
package dev.paymon.processor.rocksdb;
