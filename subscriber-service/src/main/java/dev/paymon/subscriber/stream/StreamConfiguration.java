package dev.paymon.subscriber.stream;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Turns on Spring's task scheduler, which runs the {@link StreamPruner}. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class StreamConfiguration {
}
