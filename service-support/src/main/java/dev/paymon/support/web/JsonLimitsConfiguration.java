package dev.paymon.support.web;

import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Scope;
import tools.jackson.databind.json.JsonMapper;

/**
 * Puts {@link JsonLimits} on the JSON mapper Boot builds (used by Spring MVC for {@code @RequestBody}). Jackson
 * fixes a mapper's limits with its factory, which customizers cannot replace, so this provides the builder itself,
 * on a factory with the limits, and applies Boot's customizers to it as Boot would.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(JsonLimits.class)
public class JsonLimitsConfiguration {

    @Bean
    @Scope("prototype")
    JsonMapper.Builder limitedJsonMapperBuilder(JsonLimits limits, ObjectProvider<JsonMapperBuilderCustomizer> customizers) {
        JsonMapper.Builder builder = JsonMapper.builder(limits.jsonFactory());
        List<JsonMapperBuilderCustomizer> ordered = customizers.orderedStream().toList();
        ordered.forEach(customizer -> customizer.customize(builder));
        return builder;
    }
}
