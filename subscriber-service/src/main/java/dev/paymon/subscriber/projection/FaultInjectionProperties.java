package dev.paymon.subscriber.projection;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Fault injection for the reliability tests ({@code paymon.subscriber.fault-injection.*}). Off by default; never
 * set it in production.
 *
 * @param haltAfterCommits when positive, the process halts with exit code 137 (as {@code kill -9} would end it)
 *                         right after its Nth projection batch commits to the database, before Kafka hears of
 *                         that batch: the crash the exactly-once effect must survive. 0 (the default): off.
 */
@ConfigurationProperties("paymon.subscriber.fault-injection")
record FaultInjectionProperties(@DefaultValue("0") int haltAfterCommits) {

    FaultInjectionProperties {
        if (haltAfterCommits < 0) {
            throw new IllegalArgumentException(
                    "paymon.subscriber.fault-injection.halt-after-commits must not be negative, was " + haltAfterCommits);
        }
    }

    boolean enabled() {
        return haltAfterCommits > 0;
    }
}
