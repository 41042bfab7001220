package dev.paymon.publisher.payments;

import dev.paymon.publisher.WebSliceTestConfiguration;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;

/**
 * The payments web layer with small limits (and a wider {@code max-event-time-ahead} than the default, to show the
 * setting is honoured), a fake Kafka boundary and a fixed clock; one cached context for all its tests.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@WebMvcTest(controllers = PaymentController.class, properties = {
        "paymon.publisher.max-body-size=2KB",
        "paymon.publisher.batch.max-items=3",
        "paymon.publisher.retry-after=7s",
        "paymon.publisher.max-event-time-ahead=5m"})
@Import({PaymentIntake.class, PaymentRequestParser.class, PaymentMetrics.class, WebSliceTestConfiguration.class})
@interface PaymentWebSlice {
}
