package dev.paymon.systemtest.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.paymon.events.RiskTier;
import dev.paymon.events.Topics;
import dev.paymon.systemtest.Http;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Publishes a plan's FX rates and profiles, then waits until the processor sees them. Reference data reaches the
 * processor through global tables, read by another thread than the payments; a payment sent right after its
 * account's profile may be processed before the profile arrives. So after the plan's profiles, one probe account per
 * partition of {@code reference.accounts.v1} that holds any of them gets a HIGH-risk profile, and a probe payment in
 * USD is sent for each until one comes out enriched with that tier: the probe's profile is behind the plan's on its
 * partition, and the USD rate is there too.
 */
final class ReferenceData {

    private static final Duration VISIBLE = Duration.ofSeconds(90);

    private ReferenceData() {
    }

    /** Returns once every rate and profile of the plan is visible to the processor. */
    static void publishAndAwait(String publisherUrl, String bootstrap, WorkloadPlan plan) {
        plan.fxRates().forEach((currency, rate) -> put(publisherUrl + "/api/v1/fx-rates/" + currency,
                "{\"rateToBase\":\"" + rate.toPlainString() + "\"}"));
        Set<Integer> partitions = new TreeSet<>();
        for (PlannedAccount account : plan.accounts()) {
            if (account.profile() != null) {
                partitions.add(put(publisherUrl + "/api/v1/accounts/" + account.accountId(),
                        account.profile().json()).body().get("partition").asInt());
            }
        }
        int referencePartitions = Topology.partitions(bootstrap, Topics.ACCOUNTS_REFERENCE.name());
        List<String> probes = new ArrayList<>();
        PlannedAccount.Profile probeProfile = new PlannedAccount.Profile(WorkloadPlan.HOME, RiskTier.HIGH.name(),
                new BigDecimal("100000.00"), "USD");
        for (int partition : partitions) {
            String probe = KeyPartitions.nameOn(plan.run() + "-p", partition, referencePartitions, 0);
            int written = put(publisherUrl + "/api/v1/accounts/" + probe, probeProfile.json()).body()
                    .get("partition").asInt();
            assertThat(written).as("partition of %s's profile", probe).isEqualTo(partition);
            probes.add(probe);
        }
        Map<String, String> pending = new HashMap<>();
        probes.forEach(probe -> pending.put(probe, sendProbe(publisherUrl, plan, probe, 0)));
        Map<String, Integer> tries = new HashMap<>();
        await("the processor sees the reference data").atMost(VISIBLE).pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    Outputs outputs = Outputs.read(bootstrap, Set.copyOf(probes));
                    Map<String, Outputs.Payment> enriched = outputs.enriched().stream().collect(Collectors.toMap(
                            Outputs.Enriched::paymentId, Outputs.Enriched::event, (a, b) -> a));
                    Set<String> deadLettered = outputs.deadLettered().stream().map(Outputs.DeadLettered::paymentId)
                            .collect(Collectors.toSet());
                    for (String probe : List.copyOf(pending.keySet())) {
                        String id = pending.get(probe);
                        Outputs.Payment result = enriched.get(id);
                        if (result != null && result.riskTier() == RiskTier.HIGH) {
                            pending.remove(probe);
                        } else if (result != null || deadLettered.contains(id)) {
                            pending.put(probe, sendProbe(publisherUrl, plan, probe, tries.merge(probe, 1, Integer::sum)));
                        }
                    }
                    return pending.isEmpty();
                });
    }

    private static String sendProbe(String publisherUrl, WorkloadPlan plan, String probe, int attempt) {
        // Stamped when sent, as a client stamps a payment (never ahead of the clock).
        PlannedPayment payment = new PlannedPayment(probe + "-" + attempt, probe, new BigDecimal("1.00"), "USD",
                WorkloadPlan.HOME, Instant.now(), 0);
        Http.Answer answer = Http.post(publisherUrl + "/api/v1/payments", payment.json());
        assertThat(answer.status()).as("probe payment: %s", answer.body()).isEqualTo(202);
        return payment.paymentId();
    }

    private static Http.Answer put(String url, String json) {
        Http.Answer answer = Http.put(url, json);
        assertThat(answer.status()).as("PUT %s: %s", url, answer.body()).isEqualTo(202);
        return answer;
    }
}
