/**
 * The query API's helpers: problem details for every error ({@code ApiProblems}), query parameters
 * ({@link QueryParameters}), paging ({@link NextPage}, {@link PagePosition}) and money ({@link CanonicalAmount}). It
 * knows no feature; it may depend on the projection engine.
 */
package dev.paymon.subscriber.web;
