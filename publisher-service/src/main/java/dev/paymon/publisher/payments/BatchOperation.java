package dev.paymon.publisher.payments;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.http.MediaType;

/**
 * The OpenAPI description of {@code POST /api/v1/payments/batch}, one operation that two handlers serve (a JSON array
 * and NDJSON, chosen by {@code Content-Type}): written once here, so the two cannot drift.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Operation(summary = "Publish a batch of payments: a JSON array, or NDJSON with one payment per line",
        description = "Valid items are published, invalid ones reported; 503 if Kafka took none of the valid items",
        requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
                @Content(mediaType = MediaType.APPLICATION_JSON_VALUE,
                        array = @ArraySchema(schema = @Schema(implementation = PaymentRequest.class))),
                @Content(mediaType = PaymentController.NDJSON,
                        schema = @Schema(implementation = PaymentRequest.class))}))
@interface BatchOperation {
}
