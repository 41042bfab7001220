package dev.paymon.subscriber;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paymon.events.Topics;
import dev.paymon.subscriber.projection.StreamEventType;
import dev.paymon.support.web.ProblemTypes;
import dev.paymon.testing.OpenApiContract;
import dev.paymon.testing.ProblemTypeUses;
import dev.paymon.testing.TestApiKeys;
import dev.paymon.testing.TestKafka;
import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The subscriber's OpenAPI document and Swagger UI on the running service (H2 in memory, the real broker), checked
 * against what the service maps and what its code answers: valid OpenAPI (swagger-parser), every operation and
 * parameter, every problem type, the live stream's events. Each test writes the document to
 * {@code target/openapi.json}, for an outside linter.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DirtiesContext
class OpenApiIT {

    private static final String GROUP = "paymon-subscriber-openapi-" + UUID.randomUUID();

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @BeforeAll
    static void topics() {
        TestKafka.createTopics(1, Topics.PAYMENTS_ENRICHED, Topics.FRAUD_ALERTS, Topics.ACCOUNTS_ACTIVITY,
                Topics.PAYMENTS_DLQ);
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestApiKeys.register(registry);
        registry.add("spring.kafka.bootstrap-servers", TestKafka::bootstrapServers);
        registry.add("spring.kafka.consumer.group-id", () -> GROUP);
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:" + GROUP
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        registry.add("paymon.topics.partitions", () -> "1");
    }

    @Test
    void servesAValidOpenApiDocumentWithoutAKey() {
        OpenApiContract document = apiDocument();

        assertThat(document.messages()).isEmpty();
    }

    @Test
    void documentsEveryOperationAndParameterTheServiceMaps() {
        OpenApiContract document = apiDocument();

        assertThat(document.operations())
                .contains("GET /api/v1/stream", "POST /api/v1/alerts/{alertId}/acknowledge")
                .containsExactlyElementsOf(OpenApiContract.mappedOperations(context, "dev.paymon.subscriber."));
        assertThat(document.operationsWithoutSuccess()).isEmpty();
        assertThat(document.parameters())
                .contains("GET /api/v1/stream header Last-Event-ID", "GET /api/v1/alerts query before")
                .containsAll(OpenApiContract.mappedParameters(context, "dev.paymon.subscriber."));
    }

    /** Every problem type the subscriber's code (and the support it uses) names is in the document. */
    @Test
    void documentsEveryProblemTypeTheCodeCanAnswer() {
        OpenApiContract document = apiDocument();
        ProblemTypeUses uses = ProblemTypeUses.in(ProblemTypes.class, "dev.paymon.subscriber", "dev.paymon.support");
        List<URI> types = Stream.concat(uses.names().stream().map(ProblemTypes::of),
                uses.statuses().stream().map(status -> ProblemTypes.forStatus(HttpStatus.valueOf(status)))).toList();

        // The scan reads the code: a few types it must find.
        assertThat(types).contains(ProblemTypes.of("validation"), ProblemTypes.of("too-many-streams"),
                ProblemTypes.forStatus(HttpStatus.NOT_FOUND), ProblemTypes.forStatus(HttpStatus.FORBIDDEN));
        assertThat(types).filteredOn(type -> !document.mentions(type.toString())).isEmpty();
    }

    @Test
    void documentsTheLiveStreamWithItsEventsIdsAndResumption() {
        JsonNode stream = json().at("/paths/~1api~1v1~1stream/get");
        String description = stream.get("description").asString();

        assertThat(stream.at("/responses/200/content").propertyNames()).containsExactly("text/event-stream");
        assertThat(stream.at("/responses").propertyNames()).contains("400", "401", "403", "429", "503");
        assertThat(Arrays.stream(StreamEventType.values()).map(type -> "`" + type.eventName() + "`"))
                .allSatisfy(name -> assertThat(description).contains(name));
        assertThat(description).contains("`horizon-exceeded`", "`disconnected`", "`id:`", "`Last-Event-ID`",
                "`lastEventId`", "`accountId`", "`events`");
        assertThat(stream.at("/security/0/apiKey").valueStream().map(JsonNode::asString)).containsExactly("read");
    }

    @Test
    void documentsPagingAndTheApiKeyScheme() {
        JsonNode api = json();

        assertThat(api.at("/paths/~1api~1v1~1alerts/get/responses/200/headers/Link/description").asString())
                .contains("rel=\"next\"");
        assertThat(api.at("/components/securitySchemes/apiKey/name").asString()).isEqualTo(TestApiKeys.HEADER);
        assertThat(api.at("/components/securitySchemes/apiKey/in").asString()).isEqualTo("header");
        assertThat(api.at("/components/schemas/Problem/properties/type/format").asString()).isEqualTo("uri");
    }

    @Test
    void servesSwaggerUiWithoutAKey() {
        Http.Answer redirect = Http.anonymous(port).get("/swagger-ui.html");
        assertThat(redirect.status()).isEqualTo(302);

        Http.Answer page = Http.anonymous(port).get(redirect.header("Location").replaceFirst("^https?://[^/]+", ""));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("swagger-ui");
    }

    private JsonNode json() {
        return Http.json(apiDocumentText());
    }

    private OpenApiContract apiDocument() {
        OpenApiContract document = OpenApiContract.parse(apiDocumentText());
        document.write(Path.of("target", "openapi.json"));
        return document;
    }

    private String apiDocumentText() {
        Http.Answer docs = Http.anonymous(port).get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        return docs.text();
    }
}
