/**
 * The echo endpoint, the benchmark's HTTP ceiling: {@link EchoApplication} runs the publisher's HTTP stack with the
 * same Tomcat limits and answers {@code POST /echo} like the publisher's 202, without validating or sending anything.
 */
package dev.paymon.benchmark.echo;
