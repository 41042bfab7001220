package dev.paymon.subscriber.projection;

import java.util.List;

/**
 * How a projection stores its values, inside the {@link Projector}'s transaction: one at a time, and a whole
 * polled batch at once. A projection whose values are many overrides {@link #storeAll} with batched statements
 * (one round trip for the batch instead of one per value); the Projector tries that first and, when it fails,
 * rolls back and stores the batch value by value with {@link #store}, which finds the value that failed.
 *
 * @param <T> the value type
 */
@FunctionalInterface
public interface ValueStore<T> {

    /** Stores {@code value}; {@code true} when it was new, {@code false} when the projection held it already. */
    boolean store(T value);

    /**
     * Stores {@code values} with the effect of {@link #store} on each in order (a value repeated within the batch
     * is new at most once) and answers, per value, whether it was new.
     */
    default boolean[] storeAll(List<T> values) {
        boolean[] stored = new boolean[values.size()];
        for (int i = 0; i < stored.length; i++) {
            stored[i] = store(values.get(i));
        }
        return stored;
    }
}
