package dev.paymon.publisher.simulation;

import dev.paymon.events.Channel;
import java.util.List;

/**
 * A merchant category (ISO 18245 MCC) of simulated spending: how common it is in ordinary traffic, the median
 * amount in EUR and the channels its payments use.
 */
record SpendingCategory(String code, int weight, double medianEur, List<Channel> channels) {

    static final SpendingCategory GROCERIES = of("5411", 25, 35, Channel.CARD_PRESENT, Channel.ECOMMERCE);
    static final SpendingCategory ELECTRONICS = of("5732", 3, 150, Channel.ECOMMERCE, Channel.CARD_PRESENT);
    static final SpendingCategory UTILITIES = of("4900", 4, 80, Channel.TRANSFER);
    static final SpendingCategory CASH = of("6011", 5, 80, Channel.ATM);
    /** Digital goods: where stolen cards are tested; not part of ordinary traffic. */
    static final SpendingCategory DIGITAL_GOODS = of("5815", 0, 5, Channel.ECOMMERCE);

    static final List<SpendingCategory> ORDINARY = List.of(
            GROCERIES,
            of("5812", 15, 28, Channel.CARD_PRESENT),
            of("5814", 12, 9, Channel.CARD_PRESENT, Channel.ECOMMERCE),
            of("5541", 10, 55, Channel.CARD_PRESENT),
            of("5912", 6, 18, Channel.CARD_PRESENT, Channel.ECOMMERCE),
            of("4111", 8, 6, Channel.CARD_PRESENT, Channel.ECOMMERCE),
            of("5651", 6, 60, Channel.CARD_PRESENT, Channel.ECOMMERCE),
            ELECTRONICS,
            of("4814", 4, 30, Channel.ECOMMERCE, Channel.TRANSFER),
            UTILITIES,
            of("7011", 2, 120, Channel.ECOMMERCE, Channel.CARD_PRESENT),
            CASH);

    static final int ORDINARY_WEIGHT = ORDINARY.stream().mapToInt(SpendingCategory::weight).sum();

    private static SpendingCategory of(String code, int weight, double medianEur, Channel... channels) {
        return new SpendingCategory(code, weight, medianEur, List.of(channels));
    }
}
