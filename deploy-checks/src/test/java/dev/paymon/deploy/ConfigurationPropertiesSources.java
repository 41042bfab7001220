package dev.paymon.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The properties of the {@code @ConfigurationProperties("prefix")} records in a source tree: one property per
 * record component ({@code paymon.topics.replicationFactor}), components whose type is a record declared in the
 * same file expanded into their own components. A map or list component, or an annotated class that is not a
 * record, is taken as an open prefix.
 */
final class ConfigurationPropertiesSources {

    /** A string literal (kept) or a comment (dropped). */
    private static final Pattern STRING_OR_COMMENT =
            Pattern.compile("\"(?:\\\\.|[^\"\\\\])*\"|/\\*[\\s\\S]*?\\*/|//[^\\n]*");
    private static final Pattern ANNOTATION =
            Pattern.compile("@ConfigurationProperties\\(\\s*(?:(?:value|prefix)\\s*=\\s*)?\"([^\"]+)\"\\s*\\)");
    private static final Pattern TYPE = Pattern.compile("\\b(record|class|interface|enum)\\s+(\\w+)");
    private static final Pattern RECORD = Pattern.compile("\\brecord\\s+(\\w+)\\s*(?:<[^>]*>)?\\s*\\(");
    /** A component annotation, with arguments up to one level of nested parentheses. */
    private static final Pattern COMPONENT_ANNOTATION = Pattern.compile("@[\\w.]+(\\((?:[^()]|\\([^()]*\\))*\\))?");

    private ConfigurationPropertiesSources() {
    }

    /** The properties declared under {@code sourceRoot} (e.g. {@code src/main/java}). */
    static PropertyCatalog scan(Path sourceRoot) {
        PropertyCatalog catalog = new PropertyCatalog();
        if (!Files.isDirectory(sourceRoot)) {
            return catalog;
        }
        try (Stream<Path> files = Files.walk(sourceRoot)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                scanFile(Files.readString(file), catalog);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return catalog;
    }

    static void scanFile(String javaSource, PropertyCatalog catalog) {
        String source = STRING_OR_COMMENT.matcher(javaSource)
                .replaceAll(match -> match.group().startsWith("\"") ? Matcher.quoteReplacement(match.group()) : " ");
        Map<String, String> records = recordComponents(source);
        Matcher annotation = ANNOTATION.matcher(source);
        while (annotation.find()) {
            Matcher type = TYPE.matcher(source);
            if (type.find(annotation.end()) && type.group(1).equals("record") && records.containsKey(type.group(2))) {
                addComponents(annotation.group(1), records.get(type.group(2)), records, catalog);
            } else {
                catalog.addOpen(annotation.group(1));
            }
        }
    }

    private static void addComponents(String prefix, String components, Map<String, String> records,
            PropertyCatalog catalog) {
        for (String component : splitTopLevel(COMPONENT_ANNOTATION.matcher(components).replaceAll(" "))) {
            String declaration = component.trim();
            if (declaration.isEmpty()) {
                continue;
            }
            int space = declaration.lastIndexOf(' ');
            String name = prefix + "." + declaration.substring(space + 1);
            String type = declaration.substring(0, space).trim().replaceAll("<.*", "").replaceAll(".*\\.", "");
            if (records.containsKey(type)) {
                addComponents(name, records.get(type), records, catalog);
            } else if (type.endsWith("Map") || type.endsWith("List") || type.endsWith("Set")
                    || declaration.contains("[]")) {
                catalog.addOpen(name);
            } else {
                catalog.add(name);
            }
        }
    }

    /** Every record of the file: simple name → the text between its header's parentheses. */
    private static Map<String, String> recordComponents(String source) {
        Map<String, String> records = new HashMap<>();
        Matcher record = RECORD.matcher(source);
        while (record.find()) {
            int depth = 1;
            int end = record.end();
            while (depth > 0 && end < source.length()) {
                char c = source.charAt(end++);
                depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            }
            records.put(record.group(1), source.substring(record.end(), end - 1));
        }
        return records;
    }

    /** Splits at commas outside generics. */
    private static List<String> splitTopLevel(String components) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < components.length(); i++) {
            char c = components.charAt(i);
            depth += c == '<' ? 1 : c == '>' ? -1 : 0;
            if (c == ',' && depth == 0) {
                parts.add(components.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(components.substring(start));
        return parts;
    }
}
