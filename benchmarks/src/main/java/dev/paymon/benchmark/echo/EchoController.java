package dev.paymon.benchmark.echo;

import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Parses the payment as JSON and answers like the publisher's 202, without validating or sending it. */
@RestController
class EchoController {

    @PostMapping(path = "/echo", consumes = "application/json", produces = "application/json")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Map<String, Object> echo(@RequestBody JsonNode payment) {
        return Map.of("paymentId", payment.path("paymentId").asString(""), "topic", "payments.initiated.v1",
                "partition", 0, "offset", 0);
    }
}
