package dev.paymon.processor.rocksdb;

import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;

/** Hands {@link BoundedRocksDbMemory} and its two settings ({@code paymon.processor.rocksdb.*}) to Kafka Streams. */
@Configuration(proxyBeanMethods = false)
class RocksDbConfiguration {

    /** Every RocksDB store of the process shares one bounded cache, memtables included ({@link BoundedRocksDbMemory}). */
    @Bean
    StreamsBuilderFactoryBeanConfigurer boundedRocksDbMemory(RocksDbProperties rocksDb) {
        return factory -> {
            Properties streams = factory.getStreamsConfiguration();
            streams.putIfAbsent(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbMemory.class.getName());
            streams.put(BoundedRocksDbMemory.MEMORY, Long.toString(rocksDb.memory().toBytes()));
            streams.put(BoundedRocksDbMemory.WRITE_BUFFER_SHARE, Double.toString(rocksDb.writeBufferShare()));
            factory.setStreamsConfiguration(streams);
        };
    }
}
