package dev.paymon.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OptionsTests {

    private static final Path ROOT = Path.of("/repo");

    @Test
    void defaultsAreThreeRoundsOfEverySectionOnPostgres() {
        Options options = Options.parse(List.of(), ROOT);

        assertThat(options.rounds()).isEqualTo(3);
        assertThat(options.quick()).isFalse();
        assertThat(Options.SECTIONS).allMatch(options::runs);
        assertThat(options.out()).isEqualTo(Path.of("/repo/benchmarks/target/benchmark-results.md"));
        assertThat(options.h2()).isFalse();
        assertThat(options.postgresUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/");
    }

    @Test
    void readsEveryOption() {
        Options options = Options.parse(List.of("--rounds=1", "--quick", "--only=http,kafka", "--out=/tmp/b.md",
                "--docs", "--h2"), ROOT);

        assertThat(options.rounds()).isEqualTo(1);
        assertThat(options.quick()).isTrue();
        assertThat(options.runs("http")).isTrue();
        assertThat(options.runs("kafka")).isTrue();
        assertThat(options.runs("pipeline")).isFalse();
        assertThat(options.out()).isEqualTo(Path.of("/tmp/b.md"));
        assertThat(options.docs()).isTrue();
        assertThat(options.h2()).isTrue();
    }

    @Test
    void collectsServiceArgumentsByService() {
        Options options = Options.parse(List.of("--service-arg=processor:--a=1", "--service-arg=publisher:--b=2",
                "--service-arg=processor:--c=x:y"), ROOT);

        assertThat(options.serviceArguments()).isEqualTo(Map.of("processor", List.of("--a=1", "--c=x:y"),
                "publisher", List.of("--b=2")));
        assertThat(Options.parse(List.of(), ROOT).serviceArguments()).isEmpty();
        assertThatIllegalArgumentException().isThrownBy(() -> Options.parse(List.of("--service-arg=broker:--x"), ROOT));
        assertThatIllegalArgumentException().isThrownBy(() -> Options.parse(List.of("--service-arg=processor:"), ROOT));
    }

    @Test
    void refusesUnknownOptionsAndSections() {
        assertThatThrownBy(() -> Options.parse(List.of("--fast"), ROOT)).hasMessageContaining("unknown option --fast");
        assertThatThrownBy(() -> Options.parse(List.of("--only=http,disk"), ROOT))
                .hasMessageContaining("unknown section disk");
        assertThatThrownBy(() -> Options.parse(List.of("--rounds=0"), ROOT)).hasMessageContaining("at least 1");
    }
}
