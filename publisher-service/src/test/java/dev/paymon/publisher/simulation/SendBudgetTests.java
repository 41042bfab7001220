package dev.paymon.publisher.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SendBudgetTests {

    static final long MS = 1_000_000;

    @Test
    void keepsTheRateOverLateAndIrregularTicks() {
        SendBudget budget = new SendBudget(20, 0);
        long sent = 0;
        long now = 0;
        for (int tick = 0; tick < 1_000; tick++) {
            now += (tick % 3 == 0 ? 170 : 65) * MS;
            int due = budget.due(now);
            budget.spent(due);
            sent += due;
        }

        assertThat(sent).isBetween((long) (20 * now / 1e9) - 1, (long) (20 * now / 1e9));
    }

    @Test
    void groupsOverdrawTheBudgetAndLaterTicksMakeUpForIt() {
        SendBudget budget = new SendBudget(10, 0);

        assertThat(budget.due(100 * MS)).isEqualTo(1);
        budget.spent(7);

        assertThat(budget.due(600 * MS)).isZero();
        assertThat(budget.due(800 * MS)).isEqualTo(1);
    }

    @Test
    void makesUpAtMostOneSecondAfterAStall() {
        SendBudget budget = new SendBudget(100, 0);

        assertThat(budget.due(30_000 * MS)).isEqualTo(100);
    }

    @Test
    void slowRatesStillAllowAWholeBurst() {
        SendBudget budget = new SendBudget(0.1, 0);

        assertThat(budget.due(300_000 * MS)).isEqualTo(7);
    }
}
