package dev.paymon.publisher.reference;

import dev.paymon.events.AccountProfileUpdated;
import dev.paymon.events.FxRateUpdated;
import dev.paymon.events.Topics;
import dev.paymon.publisher.kafka.EventPublisher;
import dev.paymon.publisher.web.RequestJson;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reference data: account profiles ({@code reference.accounts.v1}, key accountId) and FX rates
 * ({@code reference.fx-rates.v1}, key currency), both compacted topics where the latest record per key is
 * the current value. A 202 means the broker acknowledged the update; 503 with {@code Retry-After} when
 * Kafka cannot take it in time. PUT is idempotent: repeating it changes nothing but {@code updatedAt}.
 */
@RestController
@Tag(name = "Reference data")
@ApiResponse(responseCode = "400", description = "Malformed JSON or invalid fields",
        content = @Content(mediaType = "application/problem+json"))
@ApiResponse(responseCode = "429", description = "Over the key's rate limit (rate-limited), or the key has as many "
        + "publishing requests in progress as one key may have (too-many-in-flight); see Retry-After",
        content = @Content(mediaType = "application/problem+json"))
@ApiResponse(responseCode = "503", description = "Kafka did not take the update in time (kafka-unavailable), or the "
        + "publisher is overloaded or shutting down; see Retry-After",
        content = @Content(mediaType = "application/problem+json"))
class ReferenceController {

    private final ReferenceRequestParser parser;
    private final RequestJson json;
    private final EventPublisher events;

    ReferenceController(ReferenceRequestParser parser, RequestJson json, EventPublisher events) {
        this.parser = parser;
        this.json = json;
        this.events = events;
    }

    @Operation(summary = "Set the profile of an account",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = AccountProfileRequest.class))))
    @ApiResponse(responseCode = "202", description = "Acknowledged by the broker")
    @PutMapping(path = "/api/v1/accounts/{accountId}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    AccountAccepted putAccount(@PathVariable String accountId, @RequestBody byte[] body) {
        AccountProfileUpdated profile = parser.account(accountId, json.read(body));
        return AccountAccepted.of(profile.accountId(),
                events.publish(Topics.ACCOUNTS_REFERENCE, profile.accountId(), profile));
    }

    @Operation(summary = "Set the rate of a currency against the base currency",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = FxRateRequest.class))))
    @ApiResponse(responseCode = "202", description = "Acknowledged by the broker")
    @PutMapping(path = "/api/v1/fx-rates/{currency}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    FxRateAccepted putFxRate(@PathVariable String currency, @RequestBody byte[] body) {
        FxRateUpdated rate = parser.fxRate(currency, json.read(body));
        return FxRateAccepted.of(rate.currency(), events.publish(Topics.FX_RATES_REFERENCE, rate.currency(), rate));
    }
}
