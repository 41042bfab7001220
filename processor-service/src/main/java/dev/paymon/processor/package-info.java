/**
 * The processor's application class, {@link ProcessorApplication}, and its service-wide settings,
 * {@link ProcessorProperties} ({@code paymon.processor.*}) with its {@link ProcessingGuarantee}. Windows, rules and
 * RocksDB have their own settings in their packages.
 */
package dev.paymon.processor;
