package dev.paymon.publisher.reference;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paymon.events.AccountProfileUpdated;
import dev.paymon.events.CloudEvents;
import dev.paymon.events.EventTypes;
import dev.paymon.events.FxRateUpdated;
import dev.paymon.events.RiskTier;
import dev.paymon.events.Topic;
import dev.paymon.events.Topics;
import dev.paymon.publisher.PublisherIntegrationTest;
import dev.paymon.publisher.TopicRecords;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ReferencePublishingIT extends PublisherIntegrationTest {

    @Test
    void publishesAccountProfileKeyedByAccount() {
        Instant before = Instant.now();

        HttpResponse<String> answer = put("/api/v1/accounts/acc-ref-1",
                "{\"homeCountry\":\"FR\",\"riskTier\":\"LOW\",\"dailyLimit\":\"750.00\",\"currency\":\"EUR\"}");

        assertThat(answer.statusCode()).isEqualTo(202);
        ConsumerRecord<String, byte[]> record = recordOf(answer, Topics.ACCOUNTS_REFERENCE, "accountId", "acc-ref-1");
        AccountProfileUpdated profile = Topics.ACCOUNTS_REFERENCE.valueSerde("/test").deserializer()
                .deserialize(record.topic(), record.headers(), record.value());
        assertThat(profile).isEqualTo(new AccountProfileUpdated("acc-ref-1", "FR", RiskTier.LOW,
                new BigDecimal("750.00"), "EUR", profile.updatedAt()));
        assertThat(profile.updatedAt()).isBetween(before, Instant.now());
        assertThat(CloudEvents.read(record.headers()).type()).isEqualTo(EventTypes.ACCOUNT_PROFILE_UPDATED.type());
    }

    @Test
    void publishesFxRateAgainstEuroKeyedByCurrency() {
        HttpResponse<String> answer = put("/api/v1/fx-rates/GBP", "{\"rateToBase\":\"1.1650\"}");

        assertThat(answer.statusCode()).isEqualTo(202);
        ConsumerRecord<String, byte[]> record = recordOf(answer, Topics.FX_RATES_REFERENCE, "currency", "GBP");
        FxRateUpdated rate = Topics.FX_RATES_REFERENCE.valueSerde("/test").deserializer()
                .deserialize(record.topic(), record.headers(), record.value());
        assertThat(rate).isEqualTo(new FxRateUpdated("GBP", new BigDecimal("1.1650"), "EUR", rate.updatedAt()));
        assertThat(json(record.value()).get("schemaVersion").asInt()).isEqualTo(2);
    }

    private static ConsumerRecord<String, byte[]> recordOf(HttpResponse<String> answer, Topic<?> topic,
                                                           String keyField, String key) {
        JsonNode body = json(answer.body());
        assertThat(body.get(keyField).asString()).isEqualTo(key);
        assertThat(body.get("topic").asString()).isEqualTo(topic.name());
        ConsumerRecord<String, byte[]> record = TopicRecords.at(topic.name(), body.get("partition").asInt(),
                body.get("offset").asLong());
        assertThat(record.key()).isEqualTo(key);
        return record;
    }
}
