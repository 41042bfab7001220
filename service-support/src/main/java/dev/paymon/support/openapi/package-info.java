/**
 * What the services' OpenAPI documents share: their problem details ({@link ProblemDocumentation}). Needs springdoc,
 * which only the services with a document bring.
 */
package dev.paymon.support.openapi;
