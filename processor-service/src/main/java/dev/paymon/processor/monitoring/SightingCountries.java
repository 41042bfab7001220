package dev.paymon.processor.monitoring;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The countries an account has paid from, each with the latest event time (epoch ms) of such a payment, as stored:
 * so that IMPOSSIBLE_TRAVEL reads only the account's sightings from other countries, and only from countries seen
 * recently enough to pair with the payment at hand, instead of every sighting of the account within the gap.
 */
record SightingCountries(Map<String, Long> latest) {

    static final SightingCountries NONE = new SightingCountries(Map.of());

    SightingCountries {
        latest = Map.copyOf(latest);
    }

    /** The countries other than {@code country} with a sighting after {@code after}, in alphabetical order. */
    List<String> otherCountriesSeenAfter(String country, long after) {
        // Filtered before sorted: on most payments nothing is left to sort.
        return latest.entrySet().stream()
                .filter(entry -> !entry.getKey().equals(country) && entry.getValue() > after)
                .map(Map.Entry::getKey).sorted().toList();
    }

    /**
     * With a sighting of {@code country} at {@code time}, and without countries whose latest sighting is before
     * {@code forgetBefore} (their sightings have expired from the store).
     */
    SightingCountries seen(String country, long time, long forgetBefore) {
        Map<String, Long> next = kept(forgetBefore);
        next.merge(country, time, Math::max);
        return new SightingCountries(next);
    }

    /** Without the countries whose latest sighting is before {@code forgetBefore}; this one if none is. */
    SightingCountries forget(long forgetBefore) {
        Map<String, Long> kept = kept(forgetBefore);
        return kept.size() == latest.size() ? this : new SightingCountries(kept);
    }

    boolean isEmpty() {
        return latest.isEmpty();
    }

    private Map<String, Long> kept(long forgetBefore) {
        Map<String, Long> kept = new TreeMap<>();
        latest.forEach((known, at) -> {
            if (at >= forgetBefore) {
                kept.put(known, at);
            }
        });
        return kept;
    }
}
