package dev.paymon.processor.payments;

import dev.paymon.events.AccountActivity;
import dev.paymon.events.AccountProfileUpdated;
import dev.paymon.events.AlertRaised;
import dev.paymon.events.FraudRule;
import dev.paymon.events.PaymentStatus;
import dev.paymon.processor.monitoring.AccountMonitoring;
import dev.paymon.processor.monitoring.MonitorEvents;
import dev.paymon.processor.monitoring.WindowProperties;
import dev.paymon.processor.monitoring.InputProgress;
import dev.paymon.processor.rules.RuleProperties;
import dev.paymon.events.Channel;
import dev.paymon.events.DeadLetter;
import dev.paymon.events.FxRateUpdated;
import dev.paymon.events.PaymentEnriched;
import dev.paymon.events.PaymentInitiated;
import dev.paymon.events.Topics;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyConfig;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

/**
 * The payment topology in a {@link TopologyTestDriver}, built the way Spring's
 * {@code StreamsBuilderFactoryBean} builds it, with the production streams settings that matter to
 * the topology (exactly-once, explicit naming). Inputs are written as the publisher writes them.
 */
final class TopologyFixture implements AutoCloseable {

    /** The driver's wall clock at start, and the processor's clock: after every event time the tests use. */
    static final Instant NOW = Instant.parse("2026-11-29T01:00:00Z");
    static final Instant OCCURRED = Instant.parse("2026-11-28T10:15:00Z");
    static final String PUBLISHER = "/paymon/publisher";
    /** The processor's default {@code max-event-time-ahead}. */
    static final Duration MAX_AHEAD = Duration.ofMinutes(5);

    static final WindowProperties WINDOWS = new WindowProperties(Duration.ofSeconds(60), Duration.ofSeconds(30),
            Duration.ofSeconds(1), 4, 250, Duration.ofHours(1));
    static final RuleProperties RULES = new RuleProperties(new RuleProperties.LargeAmount(new BigDecimal("10000")),
            new RuleProperties.Velocity(5), new RuleProperties.ImpossibleTravel(Duration.ofMinutes(10)),
            new RuleProperties.DailyLimit(new BigDecimal("10000")));

    final List<DeadLetter> deadLetters = new ArrayList<>();
    final RecordedEvents events = new RecordedEvents();
    final Topology topology;
    final TopologyTestDriver driver;
    final TestInputTopic<String, byte[]> payments;
    final TestInputTopic<String, FxRateUpdated> fxRates;
    final TestInputTopic<String, byte[]> rawFxRates;
    final TestInputTopic<String, AccountProfileUpdated> profiles;
    final TestOutputTopic<String, PaymentEnriched> enriched;
    final TestOutputTopic<String, byte[]> deadLetterTopic;
    final TestOutputTopic<String, AlertRaised> alerts;
    final TestOutputTopic<String, AccountActivity> activity;

    TopologyFixture(Path stateDir) {
        this(stateDir, WINDOWS);
    }

    /** The driver's wall clock starts at {@link #NOW} and moves only when a test advances it. */
    TopologyFixture(Path stateDir, WindowProperties windows) {
        this(stateDir, windows, InputProgress.ALWAYS);
    }

    /**
     * @param progress when the input partition is caught up; {@link InputProgress#ALWAYS} (the other constructors) as
     *                 the driver processes each record as it is piped in, {@link InputProgress#NEVER} for a backlog
     */
    TopologyFixture(Path stateDir, WindowProperties windows, InputProgress progress) {
        Properties config = streamsConfig(stateDir);
        StreamsBuilder builder = new StreamsBuilder(new TopologyConfig(new StreamsConfig(config)));
        PaymentEnrichment enrichment = new PaymentEnrichment(new FxConversion("EUR"), Clock.fixed(NOW, ZoneOffset.UTC));
        EventTimeLimit limit = new EventTimeLimit(Clock.fixed(NOW, ZoneOffset.UTC), MAX_AHEAD);
        new PaymentTopology(limit, enrichment, Duration.ofHours(24), new AccountMonitoring(windows, RULES.rules(), events, progress),
                events, deadLetters::add, PaymentTracing.NONE).build(builder);
        topology = builder.build(config);
        driver = new TopologyTestDriver(topology, config, NOW);
        payments = driver.createInputTopic(Topics.PAYMENTS_INITIATED.name(), new StringSerializer(), new ByteArraySerializer());
        fxRates = driver.createInputTopic(Topics.FX_RATES_REFERENCE.name(), new StringSerializer(),
                Topics.FX_RATES_REFERENCE.valueSerde(PUBLISHER).serializer());
        rawFxRates = driver.createInputTopic(Topics.FX_RATES_REFERENCE.name(), new StringSerializer(), new ByteArraySerializer());
        profiles = driver.createInputTopic(Topics.ACCOUNTS_REFERENCE.name(), new StringSerializer(),
                Topics.ACCOUNTS_REFERENCE.valueSerde(PUBLISHER).serializer());
        enriched = driver.createOutputTopic(Topics.PAYMENTS_ENRICHED.name(), new StringDeserializer(),
                Topics.PAYMENTS_ENRICHED.valueSerde(PaymentTopology.SOURCE).deserializer());
        deadLetterTopic = driver.createOutputTopic(Topics.PAYMENTS_DLQ.name(), new StringDeserializer(),
                new ByteArrayDeserializer());
        alerts = driver.createOutputTopic(Topics.FRAUD_ALERTS.name(), new StringDeserializer(),
                Topics.FRAUD_ALERTS.valueSerde(PaymentTopology.SOURCE).deserializer());
        activity = driver.createOutputTopic(Topics.ACCOUNTS_ACTIVITY.name(), new StringDeserializer(),
                Topics.ACCOUNTS_ACTIVITY.valueSerde(PaymentTopology.SOURCE).deserializer());
    }

    static Properties streamsConfig(Path stateDir) {
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "paymon-processor");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        config.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        return config;
    }

    static PaymentInitiated payment(String paymentId, String accountId, String amount, String currency) {
        return new PaymentInitiated(paymentId, accountId, new BigDecimal(amount), currency, "merchant-7", "5411", "DE",
                Channel.CARD_PRESENT, OCCURRED);
    }

    /** A payment in EUR from Germany at the given event time. */
    static PaymentInitiated payment(String paymentId, String accountId, String amount, Instant occurredAt) {
        return payment(paymentId, accountId, amount, "DE", occurredAt);
    }

    static PaymentInitiated payment(String paymentId, String accountId, String amount, String country, Instant occurredAt) {
        return new PaymentInitiated(paymentId, accountId, new BigDecimal(amount), "EUR", "merchant-7", "5411", country,
                Channel.CARD_PRESENT, occurredAt);
    }

    /** The payment as the processor writes it when no rule fired. */
    static PaymentEnriched accepted(PaymentInitiated payment) {
        return new PaymentEnriched(payment, payment.amount().setScale(2), "EUR", null, PaymentStatus.ACCEPTED, List.of(), NOW, false);
    }

    static Instant at(String time) {
        return Instant.parse("2026-11-28T" + time + "Z");
    }

    static FxRateUpdated rate(String currency, String rateToBase, String baseCurrency) {
        return new FxRateUpdated(currency, new BigDecimal(rateToBase), baseCurrency, Instant.parse("2026-11-28T00:00:00Z"));
    }

    /** Sends the payment as the publisher does (JSON and CloudEvents headers) and returns its record. */
    TestRecord<String, byte[]> send(PaymentInitiated payment) {
        Headers headers = new RecordHeaders();
        byte[] value = Topics.PAYMENTS_INITIATED.valueSerde(PUBLISHER).serializer()
                .serialize(Topics.PAYMENTS_INITIATED.name(), headers, payment);
        return send(payment.accountId(), value, headers);
    }

    TestRecord<String, byte[]> send(String key, byte[] value, Headers headers) {
        TestRecord<String, byte[]> record = new TestRecord<>(key, value, headers, OCCURRED);
        payments.pipeInput(record);
        return record;
    }

    void advanceWallClock(Duration by) {
        driver.advanceWallClockTime(by);
    }

    /** Records what the pipeline reports to its metrics, e.g. {@code duplicate}, {@code late}, {@code alert VELOCITY}. */
    static final class RecordedEvents extends ArrayList<String> implements MonitorEvents {

        @Override
        public void duplicate() {
            add("duplicate");
        }

        @Override
        public void latePayment() {
            add("late");
        }

        @Override
        public void alertRaised(FraudRule rule) {
            add("alert " + rule);
        }
    }

    @Override
    public void close() {
        driver.close();
    }
}
