package dev.paymon.launcher;

/** What the launcher prints once the stack is up: where everything is and the API key to call it with. */
final class Banner {

    /** The first line of the banner; tests wait for it. */
    static final String RUNNING = "paymon is running";

    private Banner() {
    }

    static String running(LocalStack stack, LocalApiKey apiKey) {
        String origin = switch (apiKey.source()) {
            case ENVIRONMENT -> "from $" + LocalApiKey.ENVIRONMENT_VARIABLE;
            case FILE -> "from " + apiKey.file();
            case GENERATED -> "new, saved in " + apiKey.file();
        };
        return """

                %s
                  Kafka broker      %s
                  publisher         %s   (Swagger UI: %s/swagger-ui.html)
                  processor         %s/actuator/health
                  subscriber        %s
                  metrics           %s
                                    %s
                                    %s
                  API key           %s   (every role; %s)
                  logs              %s

                Send the key with every /api/v1 call (header X-API-Key). In another shell:
                  export %s=%s
                  curl -H "X-API-Key: $%s" %s/api/v1/stats
                Press Ctrl-C to stop.
                """.formatted(RUNNING, stack.kafka().bootstrapServers(),
                stack.publisher().url(), stack.publisher().url(), stack.processor().url(), stack.subscriber().url(),
                stack.publisher().metricsUrl(), stack.processor().metricsUrl(), stack.subscriber().metricsUrl(),
                apiKey.key(), origin, stack.logs(),
                LocalApiKey.ENVIRONMENT_VARIABLE, apiKey.key(), LocalApiKey.ENVIRONMENT_VARIABLE,
                stack.subscriber().url());
    }
}
