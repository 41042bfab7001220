package dev.paymon.testing;

/** Which infrastructure the tests run against: in-process/local (default) or Testcontainers. */
final class TestInfra {

    static final String PROPERTY = "paymon.test.infra";

    private TestInfra() {
    }

    static boolean testcontainers() {
        return "testcontainers".equals(System.getProperty(PROPERTY));
    }
}
