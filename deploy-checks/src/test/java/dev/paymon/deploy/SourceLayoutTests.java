package dev.paymon.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The code is a map a newcomer can read: every package says what lives in it, files stay short enough to read in one
 * go (a longer one states why, here), and every document a file points at is in this repository.
 */
class SourceLayoutTests {

    private static final int MAIN_LINES = 250;
    private static final int TEST_LINES = 300;

    /** Test files longer than {@value #TEST_LINES} lines, and why. */
    private static final Map<String, String> LONGER_TESTS = Map.of(
            "processor-service/src/test/java/dev/paymon/processor/ProcessorApplicationIT.java",
            "one application on the real broker for every end-to-end property; a split would start it once more each",
            "subscriber-service/src/test/java/dev/paymon/subscriber/stream/StreamIT.java",
            "the live stream's whole contract (filters, resumption, limits, heartbeats) against one running service",
            "system-tests/src/test/java/dev/paymon/systemtest/reliability/ProcessFaultsIT.java",
            "twelve faults on one stack (its start takes minutes), each a short method",
            "publisher-service/src/test/java/dev/paymon/publisher/PaymentFuzzer.java",
            "the fuzzer's tables of valid and broken field values, one per field",
            "publisher-service/src/test/java/dev/paymon/publisher/PublisherBadRequests.java",
            "the catalogue of bad requests and the problem each must get, shared by two test classes",
            "subscriber-service/src/test/java/dev/paymon/subscriber/QueryApiContract.java",
            "the query API's contract, run on H2 and on PostgreSQL",
            "system-tests/src/test/java/dev/paymon/systemtest/ObservabilityIT.java",
            "every dashboard query and alert rule against a real Prometheus scraping the stack",
            "subscriber-service/src/test/java/dev/paymon/subscriber/SubscriberServiceIT.java",
            "the whole service's end-to-end behaviour on the real broker and PostgreSQL, one context");

    private static final Pattern MARKDOWN_LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    /** A document, not an output a run writes: under {@code docs/}, or named in capitals such as README.md. */
    private static final Pattern CITED_DOCUMENT = Pattern.compile(
            "(?<![\\w./-])((?:[\\w-]+/)*(?:docs/[\\w./-]+|[A-Z][A-Z_-]+)\\.md)\\b");

    @Test
    void everyMainPackageSaysWhatLivesInIt() {
        List<String> missing = javaFiles("main").map(Path::getParent).distinct()
                .filter(dir -> !describes(dir.resolve("package-info.java")))
                .map(dir -> Repository.root().relativize(dir).toString()).sorted().toList();

        assertThat(missing).as("packages without a package-info.java with a Javadoc comment").isEmpty();
    }

    @Test
    void mainFilesStayShort() {
        assertThat(longer(javaFiles("main"), MAIN_LINES, Map.of())).as("main files over %d lines", MAIN_LINES)
                .isEmpty();
    }

    @Test
    void testFilesStayShortOrSayWhyNot() {
        assertThat(longer(javaFiles("test"), TEST_LINES, LONGER_TESTS)).as("test files over %d lines", TEST_LINES)
                .isEmpty();
        assertThat(LONGER_TESTS.keySet()).as("files the list names").allSatisfy(file -> assertThat(
                lines(Repository.file(file))).as(file).isGreaterThan(TEST_LINES));
    }

    @Test
    void everyMarkdownLinkPointsAtAFileOfTheRepository() {
        List<String> broken = files(".md").flatMap(file -> matches(MARKDOWN_LINK, file)
                .filter(target -> !target.matches("^[a-z]+:.*") && !target.startsWith("#"))
                .filter(target -> !Files.exists(file.getParent().resolve(target.replaceFirst("#.*", ""))))
                .map(target -> Repository.root().relativize(file) + " -> " + target)).toList();

        assertThat(broken).isEmpty();
    }

    @Test
    void everyDocumentTheCodeCitesIsInTheRepository() {
        List<String> missing = Stream.of(".java", ".sh", ".yml", ".xml").flatMap(SourceLayoutTests::files)
                .flatMap(file -> matches(CITED_DOCUMENT, file)
                        .filter(cited -> !exists(file, cited))
                        .map(cited -> Repository.root().relativize(file) + " cites " + cited))
                .toList();

        assertThat(missing).isEmpty();
    }

    /** A cited document exists from the repository root, from the citing file's folder, or by its name in docs/. */
    private static boolean exists(Path citing, String cited) {
        return Files.exists(Repository.file(cited)) || Files.exists(citing.getParent().resolve(cited))
                || Files.exists(Repository.file("docs").resolve(cited));
    }

    private static List<String> longer(Stream<Path> files, int limit, Map<String, String> allowed) {
        return files.filter(file -> lines(file) > limit)
                .map(file -> Repository.root().relativize(file).toString())
                .filter(file -> !allowed.containsKey(file)).sorted().toList();
    }

    private static boolean describes(Path packageInfo) {
        try {
            return Files.isRegularFile(packageInfo) && Files.readString(packageInfo).contains("/**");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Stream<Path> javaFiles(String sourceSet) {
        String folder = "/src/" + sourceSet + "/java/";
        return files(".java").filter(file -> file.toString().replace('\\', '/').contains(folder));
    }

    private static Stream<Path> files(String suffix) {
        try (Stream<Path> walk = Files.walk(Repository.root())) {
            return walk.filter(file -> file.toString().endsWith(suffix) && Files.isRegularFile(file))
                    .filter(file -> !ignored(Repository.root().relativize(file))).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean ignored(Path relative) {
        for (Path part : relative) {
            String name = part.toString();
            if (name.equals("target") || name.equals("node_modules") || name.startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static Stream<String> matches(Pattern pattern, Path file) {
        try {
            Matcher matcher = pattern.matcher(Files.readString(file));
            return matcher.results().map(result -> result.group(1)).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long lines(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
