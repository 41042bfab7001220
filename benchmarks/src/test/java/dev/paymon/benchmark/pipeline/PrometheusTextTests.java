package dev.paymon.benchmark.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrometheusTextTests {

    @Test
    void parsesNamesLabelsAndValuesAndSkipsComments() {
        List<PrometheusText.Sample> samples = PrometheusText.parse("""
                # HELP jvm_memory_used_bytes The amount of used memory
                # TYPE jvm_memory_used_bytes gauge
                jvm_memory_used_bytes{application="publisher-service",area="heap",id="eden space"} 1.2E7
                jvm_memory_used_bytes{application="publisher-service",area="heap",id="tenured gen"} 3.0E7
                jvm_memory_used_bytes{application="publisher-service",area="nonheap",id="Metaspace"} 9.9E7
                process_uptime_seconds 12.5
                odd{text="a \\"quoted\\", comma",le="+Inf"} +Inf
                """);

        assertThat(samples).hasSize(5);
        assertThat(samples.get(0)).isEqualTo(new PrometheusText.Sample("jvm_memory_used_bytes",
                Map.of("application", "publisher-service", "area", "heap", "id", "eden space"), 1.2E7));
        assertThat(samples.get(3)).isEqualTo(new PrometheusText.Sample("process_uptime_seconds", Map.of(), 12.5));
        assertThat(samples.get(4).labels()).containsEntry("text", "a \"quoted\", comma").containsEntry("le", "+Inf");
        assertThat(samples.get(4).value()).isInfinite();
        assertThat(PrometheusText.sum(samples, "jvm_memory_used_bytes", "area", "heap")).isEqualTo(4.2E7);
    }
}
