package dev.paymon.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code docker/secrets-init.sh} hands out: its {@code hand_out <consumer> <owner> <secret>...} lines, read as
 * the shell would (continuation lines joined, {@code $api_key_hashes} expanded). Consumer {@code x} gets the volume
 * {@code x-secrets}, which its containers mount at {@link #MOUNT}.
 */
final class Secrets {

    static final String SCRIPT = "docker/secrets-init.sh";
    static final String MOUNT = "/run/secrets/paymon";

    private static final Pattern HASHES = Pattern.compile("^api_key_hashes=\"([^\"]+)\"$", Pattern.MULTILINE);

    private Secrets() {
    }

    /** Consumer → the secrets (file names) its volume holds, in script order. */
    static Map<String, List<String>> handedOut() {
        String script = text().replace("\\\n", " ");
        Matcher hashes = HASHES.matcher(script);
        if (!hashes.find()) {
            throw new AssertionError(SCRIPT + " defines no api_key_hashes");
        }
        Map<String, List<String>> consumers = new LinkedHashMap<>();
        for (String line : script.lines().map(String::strip).toList()) {
            if (!line.startsWith("hand_out ")) {
                continue;
            }
            List<String> words = List.of(line.replace("$api_key_hashes", hashes.group(1)).split("\\s+"));
            List<String> secrets = new ArrayList<>(words.subList(3, words.size()));
            consumers.put(words.get(1), secrets);
        }
        return consumers;
    }

    /** The consumer whose secrets a volume holds ({@code kafka-secrets} → {@code kafka}), or null. */
    static String consumerOf(String volume) {
        return volume != null && volume.endsWith("-secrets") ? volume.substring(0, volume.length() - "-secrets".length())
                : null;
    }

    static String text() {
        try {
            return Files.readString(Repository.file(SCRIPT));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
