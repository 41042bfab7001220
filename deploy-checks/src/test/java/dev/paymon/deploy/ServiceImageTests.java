package dev.paymon.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Dockerfile the services are built with: a Maven stage that uses the wrapper and caches the Maven repository,
 * and a JRE stage that runs the jar as an unprivileged user with JVM options that fit a container.
 */
class ServiceImageTests {

    private static final Pattern FROM = Pattern.compile("(?m)^FROM\\s+(\\S+)(?:\\s+AS\\s+(\\S+))?", Pattern.CASE_INSENSITIVE);

    private final ComposeFile compose = ComposeFile.load();

    @Test
    void theServicesShareOneDockerfile() {
        assertThat(ServiceModule.SERVICES.stream().map(name -> dockerfileOf(name).toString()).distinct()).hasSize(1);
    }

    @Test
    void buildsWithTheMavenWrapperAndACachedRepositoryOnAJdk() throws IOException {
        String dockerfile = dockerfileText();
        List<String> stages = stages(dockerfile);

        assertThat(stages).hasSize(2);
        // FROM ${JDK_IMAGE}, eclipse-temurin:17-jdk unless compose names a stand-in (ComposeFileTests).
        assertThat(stages.get(0)).startsWith("FROM ${JDK_IMAGE} AS build");
        assertThat(dockerfile).containsPattern("RUN --mount=type=cache,target=/root/\\.m2[^\\n]*\\\\\\n\\s*\\./mvnw ");
        assertThat(dockerfile).contains("-Dmaven.test.skip=true");
        // The build stage is shared by the three images, so it must build every service compose asks for.
        Matcher projects = Pattern.compile("-pl\\s+(\\S+)").matcher(dockerfile);
        assertThat(projects.find()).isTrue();
        assertThat(Arrays.asList(projects.group(1).split(","))).containsAll(ServiceModule.SERVICES);
        for (String name : ServiceModule.SERVICES) {
            assertThat(compose.service(name).buildArgs().get("SERVICE")).isEqualTo(name);
            assertThat(Repository.file(name).resolve("pom.xml")).isRegularFile();
        }
    }

    @Test
    void runsTheJarOnAJreAsAnUnprivilegedUserWithContainerAwareMemory() throws IOException {
        String dockerfile = dockerfileText();
        String runtime = stages(dockerfile).get(1);

        assertThat(runtime).startsWith("FROM ${JRE_IMAGE}");
        Matcher user = Pattern.compile("(?m)^USER\\s+(\\S+)").matcher(runtime);
        assertThat(user.find()).as("USER in the runtime stage").isTrue();
        assertThat(user.group(1).split(":")[0]).isNotIn("root", "0");
        assertThat(runtime).containsPattern("(?m)^ENTRYPOINT \\[\"java\", .*\"-XX:MaxRAMPercentage=75\"")
                .containsPattern("(?m)^ENTRYPOINT .*\"-XX:\\+ExitOnOutOfMemoryError\"")
                .contains("COPY --from=build /src/${SERVICE}/target/${SERVICE}.jar");
    }

    @Test
    void theBuildContextLeavesOutBuildOutputAndSecrets() throws IOException {
        List<String> ignored = Files.readAllLines(Repository.file(".dockerignore")).stream()
                .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();

        assertThat(ignored).contains("**/target/", ".local/", ".git/", ".env");
        assertThat(ignored).doesNotContain("mvnw", ".mvn/", "pom.xml");
    }

    private Path dockerfileOf(String service) {
        var build = compose.service(service).build();
        return Repository.file(String.valueOf(build.getOrDefault("context", ".")))
                .resolve(String.valueOf(build.getOrDefault("dockerfile", "Dockerfile"))).normalize();
    }

    private String dockerfileText() throws IOException {
        return Files.readString(dockerfileOf(ServiceModule.SERVICES.get(0)));
    }

    /** The stages of a Dockerfile, each from its {@code FROM} line to the next. */
    private static List<String> stages(String dockerfile) {
        List<String> stages = new ArrayList<>();
        Matcher from = FROM.matcher(dockerfile);
        List<Integer> starts = new ArrayList<>();
        while (from.find()) {
            starts.add(from.start());
        }
        for (int i = 0; i < starts.size(); i++) {
            stages.add(dockerfile.substring(starts.get(i), i + 1 < starts.size() ? starts.get(i + 1) : dockerfile.length()));
        }
        return stages;
    }
}
