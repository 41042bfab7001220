package dev.paymon.benchmark.pipeline;

import java.util.OptionalDouble;

/**
 * Which constant rate to try next when searching for the highest sustained one: up by a factor
 * {@code 1 / step} while every candidate is sustained, down by {@code step} while none is, and halfway between the
 * highest sustained and the lowest failed candidate once both are known. Rates are multiples of {@value #GRAIN}
 * (at least that), so the search ends when the interval cannot be split any further.
 */
public final class RateSearch {

    public static final double GRAIN = 500;

    private final double step;
    private double candidate;
    private double highestSustained = Double.NaN;
    private double lowestFailed = Double.NaN;

    /** @param first the first candidate (rounded down to a multiple of {@value #GRAIN}) @param step in (0, 1) */
    public RateSearch(double first, double step) {
        if (!(step > 0 && step < 1)) {
            throw new IllegalArgumentException("step must be in (0, 1): " + step);
        }
        this.step = step;
        this.candidate = roundDown(first);
    }

    public double candidate() {
        return candidate;
    }

    /** Records the verdict on the current candidate and returns the next one, or empty when the search is over. */
    public OptionalDouble record(boolean sustained) {
        if (sustained) {
            highestSustained = candidate;
        } else {
            lowestFailed = candidate;
        }
        double next;
        if (Double.isNaN(lowestFailed)) {
            next = Math.max(candidate + GRAIN, roundDown(candidate / step));
        } else if (Double.isNaN(highestSustained)) {
            next = roundDown(candidate * step);
            if (next >= candidate) {
                return OptionalDouble.empty(); // the lowest rate failed
            }
        } else {
            next = roundDown((highestSustained + lowestFailed) / 2);
            if (next <= highestSustained) {
                return OptionalDouble.empty();
            }
        }
        candidate = next;
        return OptionalDouble.of(next);
    }

    /** The highest sustained candidate so far, 0 if none. */
    public double result() {
        return Double.isNaN(highestSustained) ? 0 : highestSustained;
    }

    /** Down to a multiple of {@value #GRAIN}, at least {@value #GRAIN}. */
    public static double roundDown(double rate) {
        return Math.max(GRAIN, Math.floor(rate / GRAIN) * GRAIN);
    }
}
