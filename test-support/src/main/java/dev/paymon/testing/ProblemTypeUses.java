package dev.paymon.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import org.springframework.asm.ClassReader;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The problem types a service's code names, read from the byte code of its main classes ({@link #in}), so that a test
 * can check that its OpenAPI document names each ({@link OpenApiContract#mentions}).
 *
 * @param names    the names passed to {@code of}, e.g. {@code validation}
 * @param statuses the {@code HttpStatus} constants passed to {@code forStatus}, e.g. {@code NOT_FOUND}
 */
public record ProblemTypeUses(SortedSet<String> names, SortedSet<String> statuses) {

    /**
     * Reads the main classes of {@code packages} (not those of {@code test-classes}): the name of every call
     * {@code of("name")} of {@code problemTypes} and the status of every {@code forStatus(HttpStatus.X)}. A class that
     * calls {@code forStatus} with a status it computes adds every {@code HttpStatus} constant it names (the security
     * problems pass 401 and 403 that way). A call of {@code of} with a computed name (or a method reference to it)
     * would hide the type, so it fails here: name each type with a literal.
     *
     * @param problemTypes the class of the {@code of(String)} and {@code forStatus(HttpStatusCode)} factories (not
     *                     read itself)
     */
    public static ProblemTypeUses in(Class<?> problemTypes, String... packages) {
        String owner = problemTypes.getName().replace('.', '/');
        SortedSet<String> names = new TreeSet<>();
        SortedSet<String> statuses = new TreeSet<>();
        List<String> computed = new ArrayList<>();
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        try {
            for (String pkg : packages) {
                for (Resource resource : resolver.getResources("classpath*:" + pkg.replace('.', '/') + "/**/*.class")) {
                    if (resource.getURL().toString().contains("/test-classes/")) {
                        continue;
                    }
                    try (InputStream in = resource.getInputStream()) {
                        ClassReader reader = new ClassReader(in);
                        if (!reader.getClassName().equals(owner)) {
                            reader.accept(new ProblemTypeScan(owner, names, statuses, computed),
                                    ClassReader.SKIP_DEBUG);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!computed.isEmpty()) {
            throw new IllegalStateException("Problem type names computed at run time cannot be checked; pass a literal "
                    + "to " + problemTypes.getSimpleName() + ".of in " + computed);
        }
        if (names.isEmpty() && statuses.isEmpty()) {
            throw new IllegalStateException("No use of " + problemTypes.getName() + " found in " + List.of(packages));
        }
        return new ProblemTypeUses(names, statuses);
    }
}
