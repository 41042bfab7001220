package dev.paymon.load;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PaymentRequestsTests {

    @Test
    void aPaymentIsTheApisJsonWithTheAmountInEuroAndCents() {
        Payment payment = new Payment("p-1", "acc-7", 1205, "m-1", "ECOMMERCE", null);

        assertThat(payment.json()).isEqualTo("{\"paymentId\":\"p-1\",\"accountId\":\"acc-7\",\"amount\":\"12.05\","
                + "\"currency\":\"EUR\",\"merchantId\":\"m-1\",\"merchantCategory\":\"5411\",\"country\":\"DE\","
                + "\"channel\":\"ECOMMERCE\"}");
        assertThat(new Payment("p", "a", 1, "m", "ATM", null).json()).contains("\"amount\":\"0.01\"");
        assertThat(new Payment("p", "a", 9999, "m", "ATM", null).json()).contains("\"amount\":\"99.99\"");
        assertThat(new Payment("p", "a", 4210, "m", "ATM", null).json()).contains("\"amount\":\"42.10\"");
    }

    @Test
    void anEventTimeIsSentOnlyWhenThePaymentHasOne() {
        Payment payment = new Payment("p-1", "acc-7", 100, "m-1", "ATM", Instant.parse("2026-11-28T10:00:00.123Z"));

        assertThat(payment.json()).endsWith(",\"channel\":\"ATM\",\"occurredAt\":\"2026-11-28T10:00:00.123Z\"}");
    }

    @Test
    void aPaymentRequestCarriesTheKeyAndAnExactContentLength() {
        PaymentRequests requests = PaymentRequests.to(URI.create("http://localhost:8081"), "pk_test");
        Payment payment = new Payment("p-1", "acc-7", 1205, "m-1", "ECOMMERCE", null);

        String text = new String(requests.payment(payment), UTF_8);

        int length = payment.json().getBytes(UTF_8).length;
        assertThat(text).isEqualTo("POST /api/v1/payments HTTP/1.1\r\nHost: localhost:8081\r\nX-API-Key: pk_test\r\n"
                + "Content-Type: application/json\r\nContent-Length: " + length + "\r\n\r\n" + payment.json());
    }

    @Test
    void anyBodyGoesToAnyPathWithAnAcceptHeaderWhenAsked() {
        PaymentRequests requests = new PaymentRequests("localhost:9", "k").accepting("application/json");
        byte[] body = "{\"ü\":1}\n".getBytes(UTF_8);

        String text = new String(requests.post("/echo", "application/x-ndjson", body), UTF_8);

        assertThat(text).isEqualTo("POST /echo HTTP/1.1\r\nHost: localhost:9\r\nX-API-Key: k\r\n"
                + "Content-Type: application/x-ndjson\r\nAccept: application/json\r\nContent-Length: " + body.length
                + "\r\n\r\n{\"ü\":1}\n");
    }
}
