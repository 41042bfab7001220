/**
 * The publisher's HTTP helpers: strict reading of request JSON ({@link RequestJson}, {@link JsonFields}), guards (the
 * body size limit, single query parameters) and the order of the service's filters ({@link FilterOrder}), the mapping
 * of every error to a problem detail ({@code ApiExceptionHandler}, counted by {@link RejectionReason}) and the OpenAPI
 * document. It knows no feature; it may depend on the Kafka output and the service's settings.
 */
package dev.paymon.publisher.web;
