/**
 * API-key security for a service's {@code /api/v1}: a service imports {@link ApiSecurityConfiguration} and declares its
 * {@link ApiAccessRules}. Keys are configured as hashes only ({@link ApiKeyProperties}), found in constant time by
 * {@link ApiKeys} and hold {@link ApiRole}s; refusals are 401 or 403 problem details. Every other path is public.
 */
package dev.paymon.support.security;
